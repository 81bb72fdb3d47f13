namespace Mensageria.Cli;

/// <summary>A failure to tell the user plainly (no stack trace), with what to do and the exit code.</summary>
public sealed class CliException(string message, int exitCode, string? hint = null, Exception? inner = null) : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;

    public string? Hint { get; } = hint;
}

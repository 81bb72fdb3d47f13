using System.Diagnostics;

namespace Mensageria.Tests.Infrastructure;

/// <summary>
/// One run of one of the solution's programs (the command line, the benchmarks) as its own process,
/// as a user runs it, with what it wrote and its exit code. A run past its time limit is killed,
/// with everything it started.
/// </summary>
internal sealed record ProgramRun(int ExitCode, string Output, string Error)
{
    // Only what the test gives: nothing found from this machine's environment or a running app host.
    private static readonly string[] s_hiddenVariables =
        ["MENSAGERIA_API_URL", "MENSAGERIA_WEB_URL", "services__api__http__0", "services__web__http__0", "MENSAGERIA_API_KEY", "MENSAGERIA_OPERATOR_SECRET"];

    public static async Task<ProgramRun> RunAsync(
        string assemblyPath, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(assemblyPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in s_hiddenVariables)
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new ProgramRun(process.ExitCode, await output, await error);
    }

    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}stdout:{Environment.NewLine}{Output}stderr:{Environment.NewLine}{Error}";
}

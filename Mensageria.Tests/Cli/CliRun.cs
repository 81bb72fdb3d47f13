using System.Diagnostics;

namespace Mensageria.Tests.Cli;

/// <summary>One run of the <c>mensageria</c> command line, as its own process, with what it wrote and its exit code.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);

    public static async Task<CliRun> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(new Projects.Mensageria_Cli().AssemblyPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Only what the test gives: nothing found from this machine's environment or a running app host.
        foreach (var name in new[] { "MENSAGERIA_API_URL", "MENSAGERIA_WEB_URL", "MENSAGERIA_STATE_DIR", "services__api__http__0", "services__web__http__0" })
        {
            start.Environment.Remove(name);
        }

        start.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new CliRun(process.ExitCode, await output, await error);
    }

    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}stdout:{Environment.NewLine}{Output}stderr:{Environment.NewLine}{Error}";
}

namespace Mensageria.Tests.Infrastructure;

/// <summary>The command line as a user runs it against an app: its flags point at the app, its credentials are in the environment.</summary>
internal static class CliRun
{
    public static IReadOnlyDictionary<string, string> Credentials { get; } = new Dictionary<string, string>
    {
        ["MENSAGERIA_API_KEY"] = TestCredentials.ServiceKey,
        ["MENSAGERIA_OPERATOR_SECRET"] = TestCredentials.OperatorSecret,
    };

    /// <summary>Runs the command line with <paramref name="arguments"/> and the app's API and web, in <paramref name="environment"/> (the test credentials by default).</summary>
    public static Task<ProgramRun> AgainstAsync(DistributedApplication app, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        ProgramRun.RunAsync(SolutionPrograms.Cli, [.. arguments, "--api", app.GetEndpoint("api").ToString(), "--web", app.GetEndpoint("web").ToString()],
            TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken, environment ?? Credentials);
}

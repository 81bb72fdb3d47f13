using System.CommandLine;
using System.CommandLine.Parsing;
using Mensageria.Cli.Output;
using Mensageria.Cli.Services;

namespace Mensageria.Cli.Commands;

/// <summary>The options every command takes, and how a command's action runs with them.</summary>
public sealed class GlobalOptions(TextWriter output, TextWriter error, bool terminal)
{
    public Option<Uri?> Api { get; } = new("--api") { Description = "The API's URL (default: MENSAGERIA_API_URL, else the app host's http://localhost:5070)", Recursive = true, CustomParser = HttpUrl };

    public Option<Uri?> Web { get; } = new("--web") { Description = "The web's URL (default: MENSAGERIA_WEB_URL, else the app host's http://localhost:5080)", Recursive = true, CustomParser = HttpUrl };

    public Option<bool> Json { get; } = new("--json") { Description = "Write JSON instead of text", Recursive = true };

    public Option<string?> ApiKey { get; } = new("--api-key") { Description = "The API key for orders, quotes and products (default: MENSAGERIA_API_KEY)", Recursive = true };

    public Option<string?> OperatorSecret { get; } = new("--operator-secret")
    {
        Description = "The operator secret for queues, dead letters and keys (default: MENSAGERIA_OPERATOR_SECRET; the app host prints it with the panel's login URL)",
        Recursive = true,
    };

    private static Uri? HttpUrl(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return url;
        }

        result.AddError($"'{text}' is not an http:// or https:// URL.");
        return null;
    }

    public void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Options.Add(Api);
        root.Options.Add(Web);
        root.Options.Add(Json);
        root.Options.Add(ApiKey);
        root.Options.Add(OperatorSecret);
    }

    /// <summary>Runs a command's work with its client and console; a <see cref="CliException"/> is said plainly and sets the exit code.</summary>
    public Func<ParseResult, CancellationToken, Task<int>> Run(Func<CommandContext, CancellationToken, Task<int>> work) =>
        async (parse, cancellationToken) =>
        {
            var console = new CliConsole(output, error, parse.GetValue(Json), terminal);
            var locator = new ServiceLocator(Environment.GetEnvironmentVariable);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            Uri? api = null, web = null;
            var credentials = new Credentials(
                parse.GetValue(ApiKey) ?? Environment.GetEnvironmentVariable("MENSAGERIA_API_KEY"),
                parse.GetValue(OperatorSecret) ?? Environment.GetEnvironmentVariable("MENSAGERIA_OPERATOR_SECRET"));
            var client = new MensageriaClient(
                http, () => api ??= locator.Locate("api", parse.GetValue(Api)), () => web ??= locator.Locate("web", parse.GetValue(Web)), credentials);
            try
            {
                return await work(new CommandContext(parse, client, console), cancellationToken);
            }
            catch (CliException e)
            {
                console.WriteError(e);
                return e.ExitCode;
            }
        };
}

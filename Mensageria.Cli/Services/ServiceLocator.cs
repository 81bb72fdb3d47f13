namespace Mensageria.Cli.Services;

/// <summary>
/// Finds a service's URL: the flag (<c>--api</c>, <c>--web</c>), else the environment
/// (<c>MENSAGERIA_API_URL</c>, or Aspire's <c>services__api__http__0</c>), else where the app host
/// serves it: Aspire keeps each service on the port of its launch profile
/// (<c>Properties/launchSettings.json</c>), the API on 5070 and the web on 5080.
/// </summary>
public sealed class ServiceLocator(Func<string, string?> environment)
{
    private static readonly Dictionary<string, Uri> s_appHostAddresses = new(StringComparer.Ordinal)
    {
        ["api"] = new("http://localhost:5070"),
        ["web"] = new("http://localhost:5080"),
    };

    public Uri Locate(string service, Uri? flag)
    {
        if (flag is not null)
        {
            return flag;
        }

        var fromEnvironment = environment($"MENSAGERIA_{service.ToUpperInvariant()}_URL") ?? environment($"services__{service}__http__0");
        if (fromEnvironment is null)
        {
            return s_appHostAddresses[service];
        }

        return Uri.TryCreate(fromEnvironment, UriKind.Absolute, out var url)
            ? url
            : throw new CliException($"The {service} URL in the environment is not an absolute URL: '{fromEnvironment}'.", ExitCodes.Usage);
    }
}

using Mensageria.Dashboard.Security;

namespace Mensageria.Dashboard;

/// <summary>
/// Where the dashboard listens and the two secrets it checks (configuration section <c>Dashboard</c>):
/// the browser token, exchanged at <c>/login</c> for a cookie, and the API key that OTLP senders
/// put in the <c>x-otlp-api-key</c> header. Secrets left empty are generated for the run.
/// </summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";
    public const string ApiKeyHeader = "x-otlp-api-key";

    public int Port { get; set; } = 18888;

    public int OtlpGrpcPort { get; set; } = 18889;

    public int OtlpHttpPort { get; set; } = 18890;

    public string BrowserToken { get; set; } = "";

    public string OtlpApiKey { get; set; } = "";

    public Uri Url => new($"http://localhost:{Port}");

    public Uri LoginUrl => new(Url, $"/login?t={Uri.EscapeDataString(BrowserToken)}");

    public string OtlpGrpcUrl => $"http://localhost:{OtlpGrpcPort}";

    public string OtlpHttpUrl => $"http://localhost:{OtlpHttpPort}";

    /// <summary>Generates the secrets not configured, and checks the ports.</summary>
    public DashboardOptions Complete()
    {
        BrowserToken = BrowserToken is { Length: > 0 } ? BrowserToken : SecretComparer.Generate();
        OtlpApiKey = OtlpApiKey is { Length: > 0 } ? OtlpApiKey : SecretComparer.Generate();
        int[] ports = [Port, OtlpGrpcPort, OtlpHttpPort];
        if (ports.Any(p => p is < 1 or > 65535) || ports.Distinct().Count() != 3)
        {
            throw new InvalidOperationException(
                $"{Section}:Port, :OtlpGrpcPort and :OtlpHttpPort must be three different ports from 1 to 65535; they are {string.Join(", ", ports)}.");
        }

        return this;
    }
}

using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Mensageria.Tests.Infrastructure;

/// <summary>
/// The settings that turn on the Aspire dashboard in a test app (the testing builder leaves it off):
/// free loopback ports, and a login token and API key the tests know.
/// </summary>
public sealed class TestDashboard
{
    /// <summary>The name Aspire gives the dashboard's own (hidden) resource.</summary>
    public const string ResourceName = "aspire-dashboard";

    private Uri? _url;

    /// <summary>Where the dashboard answers: behind DCP's proxy, on a random port as every test app's endpoints are.</summary>
    public Uri Url => _url ?? throw new InvalidOperationException("The dashboard's app has not started.");

    public string BrowserToken { get; } = RandomNumberGenerator.GetHexString(32, lowercase: true);

    public string ApiKey { get; } = RandomNumberGenerator.GetHexString(32, lowercase: true);

    public Uri LoginUrl => new(Url, $"/login?t={BrowserToken}");

    public string[] Arguments() =>
    [
        $"--ASPNETCORE_URLS=http://localhost:{FreePort()}",
        $"--ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://localhost:{FreePort()}",
        $"--ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://localhost:{FreePort()}",
        "--ASPIRE_ALLOW_UNSECURED_TRANSPORT=true",
        $"--ASPIRE_DASHBOARD_FRONTEND_BROWSERTOKEN={BrowserToken}",
        $"--AppHost:DashboardApiKey={ApiKey}",
    ];

    public void Found(DistributedApplication app) => _url = app.GetEndpoint(ResourceName, "http");

    /// <summary>A client of the dashboard's telemetry API (<c>/api/telemetry/…</c>), with its key.</summary>
    public HttpClient ApiClient()
    {
        var http = new HttpClient { BaseAddress = Url };
        http.DefaultRequestHeaders.Add("x-api-key", ApiKey);
        return http;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

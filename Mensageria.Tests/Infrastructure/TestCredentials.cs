using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Mensageria.Tests.Infrastructure;

/// <summary>
/// The app host's generated credentials, chosen by the tests instead (Aspire takes a parameter's value from
/// <c>Parameters:NAME</c> before it generates one): the web's service key to the API, and the operator's secret.
/// </summary>
public static class TestCredentials
{
    public static string ServiceKey { get; } = RandomNumberGenerator.GetHexString(32);

    public static string OperatorSecret { get; } = RandomNumberGenerator.GetHexString(32);

    public static string[] Arguments() => [$"--Parameters:web-api-key={ServiceKey}", $"--Parameters:operator-secret={OperatorSecret}"];

    /// <summary>A client of <paramref name="resource"/> that sends <paramref name="token"/> as its bearer token.</summary>
    public static HttpClient Client(DistributedApplication app, string resource, string token)
    {
        ArgumentNullException.ThrowIfNull(app);
        var http = app.CreateHttpClient(resource);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>The web's <c>/ops</c> as the operator calls it.</summary>
    public static HttpClient Operator(DistributedApplication app) => Client(app, "web", OperatorSecret);
}

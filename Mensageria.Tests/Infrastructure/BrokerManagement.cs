using System.Net.Http.Headers;
using System.Text;

namespace Mensageria.Tests.Infrastructure;

/// <summary>An HTTP client of the broker's management API (the first node's), with the broker's own user.</summary>
internal static class BrokerManagement
{
    public static async Task<HttpClient> CreateClientAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        var broker = new Uri(await app.GetRequiredConnectionStringAsync("messaging", cancellationToken));
        var http = new HttpClient { BaseAddress = app.GetEndpoint("messaging", "management"), Timeout = TimeSpan.FromSeconds(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(broker.UserInfo))));
        return http;
    }
}

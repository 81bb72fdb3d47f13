using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Mensageria.Web.Operations;

/// <summary>
/// Reads queue figures from RabbitMQ's management API, with the broker's own credentials (the user
/// and password of <c>ConnectionStrings:messaging</c>) at <c>services:messaging:management:0</c>.
/// </summary>
public sealed class BrokerManagementClient(HttpClient http)
{
    /// <summary>Null when the web was given no management endpoint (an existing broker without one).</summary>
    public Uri? BaseAddress => http.BaseAddress;

    public async Task<(long Ready, long Unacked, int Consumers, double PublishRate, double DeliverRate)> GetQueueAsync(
        string queue, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri($"/api/queues/%2F/{Uri.EscapeDataString(queue)}", UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var root = document.RootElement;
        return (Number(root, "messages_ready"), Number(root, "messages_unacknowledged"), (int)Number(root, "consumers"),
            Rate(root, "publish_details"), Rate(root, "deliver_get_details"));
    }

    public static void Configure(HttpClient http, Uri managementUrl, Uri amqpUri)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(managementUrl);
        ArgumentNullException.ThrowIfNull(amqpUri);
        http.BaseAddress = managementUrl;
        var credentials = Uri.UnescapeDataString(amqpUri.UserInfo);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
    }

    // A queue that has seen no traffic yet has no figure at all: that is zero.
    private static long Number(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;

    private static double Rate(JsonElement root, string details) =>
        root.TryGetProperty("message_stats", out var stats) && stats.TryGetProperty(details, out var detail) && detail.TryGetProperty("rate", out var rate)
            ? rate.GetDouble()
            : 0;
}

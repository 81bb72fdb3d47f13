using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Mensageria.Messaging.Contracts;
using Mensageria.Messaging.Orders;

namespace Mensageria.Cli.Services;

/// <summary>
/// The API and the web as the command line uses them. A problem-details answer becomes a
/// <see cref="CliException"/> that says what the server said, with the exit code for its kind.
/// </summary>
public sealed class MensageriaClient(HttpClient http, Func<Uri> api, Func<Uri> web)
{
    public Task<List<Product>> GetProductsAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, api(), "/api/products", null, MessagingJsonContext.Default.ListProduct, cancellationToken);

    public Task<Quote> QuoteAsync(string customerId, IReadOnlyList<OrderLine> lines, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, api(), "/api/orders/quote", OrderBody(customerId, lines), MessagingJsonContext.Default.Quote, cancellationToken);

    /// <summary>Places an order; the idempotency key makes a retried command place it only once.</summary>
    public async Task<string> PlaceOrderAsync(string customerId, IReadOnlyList<OrderLine> lines, string idempotencyKey, CancellationToken cancellationToken)
    {
        var accepted = await SendAsync(HttpMethod.Post, api(), "/api/orders", OrderBody(customerId, lines), CliJsonContext.Default.JsonElement, cancellationToken,
            request => request.Headers.Add("Idempotency-Key", idempotencyKey));
        return accepted.GetProperty("orderId").GetString()!;
    }

    public Task<OrderRecord> GetOrderAsync(string id, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, api(), $"/api/orders/{Uri.EscapeDataString(id)}", null, MessagingJsonContext.Default.OrderRecord, cancellationToken);

    public Task<List<OrderRecord>> ListOrdersAsync(OrderStatus? status, int limit, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, api(), $"/api/orders?limit={limit}{(status is null ? "" : $"&status={status}")}", null, MessagingJsonContext.Default.ListOrderRecord, cancellationToken);

    public Task<JsonElement> GetQueuesAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, web(), "/ops/queues", null, CliJsonContext.Default.JsonElement, cancellationToken);

    public Task<JsonElement> ListDeadLettersAsync(int limit, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, web(), $"/ops/dead-letters?limit={limit}", null, CliJsonContext.Default.JsonElement, cancellationToken);

    public Task<JsonElement> ReplayDeadLettersAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, web(), "/ops/dead-letters/replay", null, CliJsonContext.Default.JsonElement, cancellationToken);

    /// <summary>The web's live feed address (<c>ws://…/ws</c>), optionally caught up from a moment.</summary>
    public Uri FeedAddress(DateTimeOffset? since)
    {
        var feed = new UriBuilder(new Uri(web(), "/ws")) { Scheme = web().Scheme == "https" ? "wss" : "ws" };
        if (since is { } moment)
        {
            feed.Query = $"since={moment.ToUnixTimeMilliseconds()}";
        }

        return feed.Uri;
    }

    private static StringContent OrderBody(string customerId, IReadOnlyList<OrderLine> lines) =>
        new(JsonSerializer.Serialize(new OrderBodyDto(customerId, lines), CliJsonContext.Default.OrderBodyDto), Encoding.UTF8, "application/json");

    private async Task<T> SendAsync<T>(
        HttpMethod method, Uri server, string path, HttpContent? content, JsonTypeInfo<T> type, CancellationToken cancellationToken,
        Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(server, path)) { Content = content };
        configure?.Invoke(request);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new CliException($"Cannot reach {server}: {e.Message}", ExitCodes.Unavailable, "Is the app running? (dotnet run --project Mensageria.AppHost)", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await ProblemAsync(response, cancellationToken);
            }

            return (await response.Content.ReadFromJsonAsync(type, cancellationToken))!;
        }
    }

    private static JsonElement? ReadObject(string text)
    {
        try
        {
            var root = JsonDocument.Parse(text).RootElement;
            return root.ValueKind == JsonValueKind.Object ? root : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<CliException> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var message = new StringBuilder();
        if (ReadObject(text) is { } problem)
        {
            message.Append(problem.TryGetProperty("title", out var title) ? title.GetString() : response.ReasonPhrase);
            if (problem.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 } said)
            {
                message.Append(' ').Append(said);
            }

            if (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in errors.EnumerateObject())
                {
                    message.AppendLine().Append("  ").Append(field.Name).Append(": ").AppendJoin(" ", field.Value.EnumerateArray().Select(m => m.GetString()));
                }
            }
        }
        else
        {
            // Not problem details (a proxy's page, say): say what came, briefly.
            message.Append(response.ReasonPhrase).Append(' ').Append(text.Length > 200 ? text[..200] : text);
        }

        var (exitCode, hint) = response.StatusCode switch
        {
            HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout or HttpStatusCode.BadGateway =>
                (ExitCodes.Unavailable, response.Headers.RetryAfter is { } retry ? $"Try again in {retry} s." : "Try again shortly."),
            _ when status is >= 400 and < 500 => (ExitCodes.Rejected, null),
            _ => (ExitCodes.Failure, null),
        };
        return new CliException($"{status}: {message}", exitCode, hint);
    }
}

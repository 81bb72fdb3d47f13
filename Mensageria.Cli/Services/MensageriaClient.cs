using System.Net;
using System.Net.Http.Headers;
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
public sealed class MensageriaClient(HttpClient http, Func<Uri> api, Func<Uri> web, Credentials credentials)
{
    private const string ApiKeyHint = "Pass an API key with --api-key or MENSAGERIA_API_KEY; an operator creates one with 'mensageria keys create NAME --expires 30d'.";
    private const string OperatorHint = "Pass the operator secret with --operator-secret or MENSAGERIA_OPERATOR_SECRET; the app host prints it with the panel's login URL.";

    public Task<List<Product>> GetProductsAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, Api, "/api/products", null, MessagingJsonContext.Default.ListProduct, cancellationToken);

    public Task<Quote> QuoteAsync(string customerId, IReadOnlyList<OrderLine> lines, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, Api, "/api/orders/quote", OrderBody(customerId, lines), MessagingJsonContext.Default.Quote, cancellationToken);

    /// <summary>Places an order; the idempotency key makes a retried command place it only once.</summary>
    public async Task<string> PlaceOrderAsync(string customerId, IReadOnlyList<OrderLine> lines, string idempotencyKey, CancellationToken cancellationToken)
    {
        var accepted = await SendAsync(HttpMethod.Post, Api, "/api/orders", OrderBody(customerId, lines), CliJsonContext.Default.JsonElement, cancellationToken,
            request => request.Headers.Add("Idempotency-Key", idempotencyKey));
        return accepted.GetProperty("orderId").GetString()!;
    }

    public Task<OrderRecord> GetOrderAsync(string id, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, Api, $"/api/orders/{Uri.EscapeDataString(id)}", null, MessagingJsonContext.Default.OrderRecord, cancellationToken);

    public Task<List<OrderRecord>> ListOrdersAsync(OrderStatus? status, int limit, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, Api, $"/api/orders?limit={limit}{(status is null ? "" : $"&status={status}")}", null, MessagingJsonContext.Default.ListOrderRecord, cancellationToken);

    public Task<JsonElement> GetQueuesAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, Web, "/ops/queues", null, CliJsonContext.Default.JsonElement, cancellationToken);

    public Task<JsonElement> ListDeadLettersAsync(int limit, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, Web, $"/ops/dead-letters?limit={limit}", null, CliJsonContext.Default.JsonElement, cancellationToken);

    public Task<JsonElement> ReplayDeadLettersAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, Web, "/ops/dead-letters/replay", null, CliJsonContext.Default.JsonElement, cancellationToken);

    public Task<JsonElement> ListKeysAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, Web, "/ops/credentials", null, CliJsonContext.Default.JsonElement, cancellationToken);

    /// <summary>Issues a key; the answer holds the key itself, the only time anyone sees it.</summary>
    public Task<JsonElement> CreateKeyAsync(string name, string expires, int? requestsPerMinute, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, Web, "/ops/credentials",
            new StringContent(JsonSerializer.Serialize(new KeyBodyDto(name, expires, requestsPerMinute), CliJsonContext.Default.KeyBodyDto), Encoding.UTF8, "application/json"),
            CliJsonContext.Default.JsonElement, cancellationToken);

    public Task<JsonElement> RevokeKeyAsync(string idOrName, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, Web, $"/ops/credentials/{Uri.EscapeDataString(idOrName)}/revoke", null, CliJsonContext.Default.JsonElement, cancellationToken);

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

    private Target Api => new(api(), credentials.ApiKey, ApiKeyHint);

    private Target Web => new(web(), credentials.OperatorSecret, OperatorHint);

    private async Task<T> SendAsync<T>(
        HttpMethod method, Target target, string path, HttpContent? content, JsonTypeInfo<T> type, CancellationToken cancellationToken,
        Action<HttpRequestMessage>? configure = null)
    {
        var server = target.Server;
        using var request = new HttpRequestMessage(method, new Uri(server, path)) { Content = content };
        if (!string.IsNullOrEmpty(target.Token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", target.Token);
        }

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
                throw await ProblemAsync(response, target.CredentialHint, cancellationToken);
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

    private static async Task<CliException> ProblemAsync(HttpResponseMessage response, string credentialHint, CancellationToken cancellationToken)
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
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => (ExitCodes.NotAllowed, credentialHint),
            HttpStatusCode.TooManyRequests => (ExitCodes.RateLimited, response.Headers.RetryAfter is { } wait ? $"Try again in {wait} s." : "Try again shortly."),
            HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout or HttpStatusCode.BadGateway =>
                (ExitCodes.Unavailable, response.Headers.RetryAfter is { } retry ? $"Try again in {retry} s." : "Try again shortly."),
            _ when status is >= 400 and < 500 => (ExitCodes.Rejected, null),
            _ => (ExitCodes.Failure, null),
        };
        return new CliException($"{status}: {message}", exitCode, hint);
    }

    /// <summary>A server, the token it takes, and what to do when it refuses it.</summary>
    private readonly record struct Target(Uri Server, string? Token, string CredentialHint);
}

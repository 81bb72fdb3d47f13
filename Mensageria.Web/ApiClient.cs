using System.Net.Http.Json;
using Mensageria.Messaging.Contracts;
using Mensageria.Messaging.Orders;

namespace Mensageria.Web;

/// <summary>Calls the API through service discovery and the standard resilience pipeline.</summary>
public sealed partial class ApiClient(HttpClient http, ILogger<ApiClient> logger)
{
    /// <summary>The most recent orders with their histories, newest first.</summary>
    public async Task<IReadOnlyList<OrderRecord>> GetRecentOrdersAsync(int limit, CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync(new Uri($"/api/orders?limit={limit}", UriKind.Relative), MessagingJsonContext.Default.ListOrderRecord, cancellationToken) ?? [];

    /// <summary>
    /// Sends a request to the API and answers with the API's status, content type and body, so the
    /// page sees the API's own problem details. An API that cannot be reached is a 503 problem.
    /// </summary>
    public async Task<IResult> ForwardAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        if (!string.IsNullOrEmpty(idempotencyKey))
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return TypedResults.Content(body, response.Content.Headers.ContentType?.ToString(), statusCode: (int)response.StatusCode);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Log.ApiUnreachable(logger, exception);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The API is unreachable.", detail: "Try again in a moment.");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(2, LogLevel.Warning, "The API is unreachable.")]
        public static partial void ApiUnreachable(ILogger logger, Exception exception);
    }
}

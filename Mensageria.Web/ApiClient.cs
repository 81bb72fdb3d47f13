using System.Net.Http.Json;
using Mensageria.Messaging.Contracts;
using Mensageria.Messaging.Orders;

namespace Mensageria.Web;

/// <summary>Calls the API through service discovery and the standard resilience pipeline.</summary>
public sealed partial class ApiClient(HttpClient http, TimeProvider timeProvider, ILogger<ApiClient> logger)
{
    /// <summary>A page waits this long for the API before it says "unreachable".</summary>
    public static readonly TimeSpan RootTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The API root's body, or null when the API did not answer in time or answered an error.</summary>
    public async Task<string?> TryGetRootAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(RootTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await http.GetAsync(new Uri("/", UriKind.Relative), linked.Token);
            if (!response.IsSuccessStatusCode)
            {
                Log.ApiAnsweredError(logger, (int)response.StatusCode);
                return null;
            }

            return await response.Content.ReadAsStringAsync(linked.Token);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Unresolvable name, refused connection, timeout, open circuit: all mean "unreachable".
            Log.ApiUnreachable(logger, exception);
            return null;
        }
    }

    /// <summary>The most recent orders with their histories, newest first.</summary>
    public async Task<IReadOnlyList<OrderRecord>> GetRecentOrdersAsync(int limit, CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync(new Uri($"/api/orders?limit={limit}", UriKind.Relative), MessagingJsonContext.Default.ListOrderRecord, cancellationToken) ?? [];

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "The API answered its root with status {StatusCode}.")]
        public static partial void ApiAnsweredError(ILogger logger, int statusCode);

        [LoggerMessage(2, LogLevel.Warning, "The API is unreachable.")]
        public static partial void ApiUnreachable(ILogger logger, Exception exception);
    }
}

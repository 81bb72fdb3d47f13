using Mensageria.Messaging.Contracts;

namespace Mensageria.Web.LiveFeed;

/// <summary>
/// What a client missed: every status the recent orders reached after <c>since</c>, rebuilt from
/// their stored histories (read through the API), oldest first.
/// </summary>
public sealed partial class OrderFeedCatchUp(ApiClient api, ILogger<OrderFeedCatchUp> logger)
{
    /// <summary>How far back a reconnecting client can catch up, in orders.</summary>
    public const int RecentOrders = 500;

    public async Task<IReadOnlyList<OrderFeedMessage>> SinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        try
        {
            var orders = await api.GetRecentOrdersAsync(RecentOrders, cancellationToken);
            return [.. orders
                .SelectMany(order => order.History
                    .Where(entry => entry.At > since)
                    .Select(entry => new OrderFeedMessage(
                        OrderFeedMessage.StatusType, order.Id, entry.Status, entry.At, entry.Reason,
                        entry.Status is OrderStatus.Invoiced or OrderStatus.Completed ? order.InvoiceNumber : null,
                        order.Total, order.TraceId)))
                .OrderBy(message => message.At)];
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The live stream still works; only what was missed cannot be told now.
            LogCatchUpUnavailable(logger, e);
            return [];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot catch a feed client up: the API did not answer")]
    private static partial void LogCatchUpUnavailable(ILogger logger, Exception exception);
}

using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Mensageria.Messaging;
using Mensageria.Messaging.Consuming;
using Mensageria.Messaging.Contracts;
using Mensageria.Messaging.Orders;
using Mensageria.Messaging.Publishing;
using Mensageria.Messaging.Topology;
using RabbitMQ.Client;
using StackExchange.Redis;

namespace Mensageria.Api.Orders;

/// <summary>
/// Accepts an order: stores it, publishes it, and answers only after the broker confirmed the
/// publish. If the publish fails the stored order is removed again, so nothing half-created stays.
/// With an idempotency key, a retry with the same body gets the same order and creates none.
/// While more orders wait for a worker than the backlog bound, new ones are refused with a 503 instead.
/// </summary>
public sealed partial class OrderPlacement(
    IConnection broker,
    IConnectionMultiplexer redis,
    OrderStore orders,
    IdempotencyStore idempotency,
    MessagePublisher publisher,
    OrderBacklog backlog,
    TimeProvider timeProvider,
    ILogger<OrderPlacement> logger)
{
    private static readonly TimeSpan s_waitForEarlierRequest = TimeSpan.FromSeconds(3);

    public async Task<PlacementOutcome> PlaceAsync(
        PlaceOrderRequest request, IReadOnlyList<PricedLine> lines, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (!broker.IsOpen || !redis.IsConnected)
        {
            return new PlacementOutcome.Unavailable(broker.IsOpen ? TransientFailure.RedisUnreachable : "The broker (RabbitMQ) is unreachable.");
        }

        if (backlog.IsFull(out var waiting))
        {
            return new PlacementOutcome.Unavailable(
                $"{waiting} orders are waiting for a worker, more than the {backlog.MaxBacklog} this API queues: try again shortly.");
        }

        var orderId = OrderIds.New(timeProvider.GetUtcNow());
        try
        {
            if (idempotencyKey is not null && await ClaimAsync(idempotencyKey, Hash(request), orderId, cancellationToken) is { } earlier)
            {
                return earlier;
            }

            return await AcceptAsync(orderId, request.CustomerId!, lines, idempotencyKey, cancellationToken);
        }
        catch (RedisException e)
        {
            LogRedisFailed(logger, e, orderId);
            return new PlacementOutcome.Unavailable(TransientFailure.DescribeRedis(e));
        }
    }

    private async Task<PlacementOutcome> AcceptAsync(
        string orderId, string customerId, IReadOnlyList<PricedLine> lines, string? idempotencyKey, CancellationToken cancellationToken)
    {
        MessagingTelemetry.TagOrder(orderId);
        var now = timeProvider.GetUtcNow();
        var record = new OrderRecord(orderId, customerId, lines, lines.Sum(l => l.Amount), OrderStatus.Accepted, now,
            Activity.Current?.TraceId.ToString(), null, null, null, []);
        var placed = new OrderPlaced(orderId, customerId, [.. lines.Select(l => new OrderLine(l.Sku, l.Quantity))], now);
        try
        {
            // Stored unconfirmed: invisible, and no worker touches it until the broker confirmed its message.
            await orders.CreateAsync(record);
            // From here the outcome must not depend on the client staying: no cancellation, only the confirm timeout.
            await publisher.PublishAsync(MessagingTopology.OrdersExchange, MessagingTopology.OrderPlacedRoutingKey, placed,
                MessagingJsonContext.Default.OrderPlaced, new MessageHeaders(orderId, orderId), cancellationToken: CancellationToken.None);
        }
        catch (Exception e) when (e is PublishFailedException or RedisException)
        {
            LogNotAccepted(logger, e, orderId);
            await ForgetAsync(orderId, idempotencyKey);
            return new PlacementOutcome.Unavailable(e is PublishFailedException ? e.Message : TransientFailure.DescribeRedis(e));
        }

        try
        {
            await orders.ConfirmAsync(orderId, now);
        }
        catch (RedisException e)
        {
            // Unconfirmed, the order is dropped by the worker after its confirmation window: a true 503.
            LogNotAccepted(logger, e, orderId);
            await ForgetAsync(orderId, idempotencyKey);
            return new PlacementOutcome.Unavailable(TransientFailure.DescribeRedis(e));
        }

        // Confirmed by the broker and recorded: the order is accepted, whatever happens next.
        if (idempotencyKey is not null)
        {
            await MarkAcceptedAsync(idempotencyKey, orderId);
        }

        LogAccepted(logger, orderId, customerId, lines.Count, record.Total);
        await PublishAcceptedEventAsync(record, cancellationToken);
        return new PlacementOutcome.Accepted(orderId);
    }

    private async Task MarkAcceptedAsync(string idempotencyKey, string orderId)
    {
        try
        {
            await idempotency.MarkAcceptedAsync(idempotencyKey);
        }
        catch (RedisException e)
        {
            // Still accepted: the claim expires within a minute, and a retry after that makes a new order.
            LogKeyNotMarked(logger, e, orderId, idempotencyKey);
        }
    }

    /// <summary>
    /// Undoes a placement that was not confirmed: the stored order (if its message was never confirmed)
    /// and the idempotency claim, so a retry starts afresh. Best effort: Redis may be what failed.
    /// </summary>
    private async Task ForgetAsync(string orderId, string? idempotencyKey)
    {
        try
        {
            await orders.DeleteUnconfirmedAsync(orderId);
            if (idempotencyKey is not null)
            {
                await idempotency.ReleaseAsync(idempotencyKey);
            }
        }
        catch (RedisException e)
        {
            // The order stays unconfirmed (never shown, dropped by the worker); the claim expires by itself.
            LogCannotForget(logger, e, orderId);
        }
    }

    /// <summary>Null when this request holds the key now; otherwise the outcome the earlier request had.</summary>
    private async Task<PlacementOutcome?> ClaimAsync(string key, string bodyHash, string orderId, CancellationToken cancellationToken)
    {
        var deadline = timeProvider.GetUtcNow() + s_waitForEarlierRequest;
        while (true)
        {
            var earlier = await idempotency.ClaimAsync(key, bodyHash, orderId);
            if (earlier is null)
            {
                return null;
            }

            if (earlier.BodyHash != bodyHash)
            {
                return new PlacementOutcome.KeyConflict($"The Idempotency-Key '{key}' was used with another body (order {earlier.OrderId}).");
            }

            if (earlier.Accepted)
            {
                return new PlacementOutcome.Accepted(earlier.OrderId);
            }

            // The earlier request is still publishing: wait for its outcome (accepted, or released on failure).
            if (timeProvider.GetUtcNow() > deadline)
            {
                return new PlacementOutcome.Unavailable($"An earlier request with the Idempotency-Key '{key}' is still in progress.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25), timeProvider, cancellationToken);
        }
    }

    private async Task PublishAcceptedEventAsync(OrderRecord record, CancellationToken cancellationToken)
    {
        var accepted = new OrderStatusChanged(record.Id, OrderStatus.Accepted, record.CreatedAt, Total: record.Total, TraceId: record.TraceId);
        try
        {
            await publisher.PublishAsync(MessagingTopology.OrderEventsExchange, MessagingTopology.StatusRoutingKey(OrderStatus.Accepted),
                accepted, MessagingJsonContext.Default.OrderStatusChanged, new MessageHeaders(MessagingTopology.StatusEventId(record.Id, OrderStatus.Accepted), record.Id),
                mandatory: false, cancellationToken: cancellationToken);
        }
        catch (PublishFailedException e)
        {
            // The order itself is confirmed and will be processed; only the live feed misses this step.
            LogEventFailed(logger, e, record.Id);
        }
    }

    private static string Hash(PlaceOrderRequest request) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, ApiJsonContext.Default.PlaceOrderRequest)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} accepted: customer {CustomerId}, {LineCount} lines, total {Total}")]
    private static partial void LogAccepted(ILogger logger, string orderId, string customerId, int lineCount, decimal total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} not accepted")]
    private static partial void LogNotAccepted(ILogger logger, Exception exception, string orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} accepted, but its Idempotency-Key {Key} could not be marked accepted")]
    private static partial void LogKeyNotMarked(ILogger logger, Exception exception, string orderId, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} not accepted, and its unconfirmed record could not be removed now")]
    private static partial void LogCannotForget(ILogger logger, Exception exception, string orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} not accepted: Redis failed")]
    private static partial void LogRedisFailed(ILogger logger, Exception exception, string orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} accepted, but its Accepted event was not published")]
    private static partial void LogEventFailed(ILogger logger, Exception exception, string orderId);
}

using Mensageria.Messaging;
using Mensageria.Messaging.Consuming;
using Mensageria.Messaging.Contracts;
using Mensageria.Messaging.Orders;

namespace Mensageria.Worker.Orders;

/// <summary>
/// Processes one order: Processing → reserve all stock at once (or Rejected) → invoice → Completed.
/// Each step is stored with its time (a step and its move in one script, the invoice with the move to Completed) and
/// announced on <c>order-events</c> as soon as it is stored; the announcements' confirms are awaited together before
/// the delivery is acknowledged. Every step is safe to repeat, so a redelivered order never reserves stock or invoices twice.
/// </summary>
public sealed partial class OrderPlacedHandler(
    OrderStore orders,
    OrderEvents events,
    ReplicaIdentity replica,
    TimeProvider timeProvider,
    ILogger<OrderPlacedHandler> logger) : IMessageHandler<OrderPlaced>
{
    /// <summary>How long an order may stay unconfirmed before its message is taken for one its API gave up on.</summary>
    public static readonly TimeSpan ConfirmationWindow = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The first look again at an order delivered before its API recorded the broker's confirm. The broker delivers the
    /// message as it confirms it, so at any load many orders arrive a millisecond or two early: they must not wait long.
    /// </summary>
    private static readonly TimeSpan s_unconfirmedFirstPause = TimeSpan.FromMilliseconds(2);

    public async Task HandleAsync(OrderPlaced message, DeliveryContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(message.OrderId) || message.Lines is not { Count: > 0 })
        {
            throw new PoisonMessageException("An order message without an order id or lines.");
        }

        var id = message.OrderId;
        MessagingTelemetry.TagOrder(id);
        OrderRecord? order;
        using (MessagingTelemetry.StartOrderSpan("begin processing", id))
        {
            order = await orders.BeginProcessingAsync(id, replica.InstanceId);
        }

        if (order is null)
        {
            // Its request was answered 503 (the publish was not confirmed in time) and the order removed.
            LogUnknown(logger, id);
            return;
        }

        if (!order.Confirmed)
        {
            if (timeProvider.GetUtcNow() - message.PlacedAt < ConfirmationWindow)
            {
                // The API is between the broker's confirm and recording it: a moment, not a failure.
                throw new RetryLaterException($"Order {id} is not confirmed yet.", s_unconfirmedFirstPause);
            }

            // Its API never recorded the confirm (Redis failed it) and answered 503: not an accepted order.
            LogNeverConfirmed(logger, id);
            await orders.DeleteUnconfirmedAsync(id);
            return;
        }

        if (order.Status is OrderStatus.Completed or OrderStatus.Rejected)
        {
            // Delivered again after it finished: its final event may be what the crash cut off, so say it again.
            LogAlreadyDone(logger, id, order.Status, context.DeliveryCount);
            await events.PublishAsync(order, order.Status, order.Reason, order.InvoiceNumber, cancellationToken);
            return;
        }

        var announcements = new List<Task>(capacity: 4);
        try
        {
            await ProcessAsync(order, message.Lines, announcements, cancellationToken);
        }
        catch
        {
            // The delivery fails and is retried: let the announcements in flight end first, so none goes unobserved.
            await Task.WhenAll(announcements).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        // Acknowledged only once every announcement is confirmed: a lost one makes the delivery fail and be retried.
        await Task.WhenAll(announcements);
    }

    /// <summary>The steps after the move to Processing, each announced without waiting for the broker's confirm.</summary>
    private async Task ProcessAsync(OrderRecord order, IReadOnlyList<OrderLine> lines, List<Task> announcements, CancellationToken cancellationToken)
    {
        var id = order.Id;
        LogProgress(logger, id, OrderStatus.Processing, replica.InstanceId);
        announcements.Add(events.PublishAsync(order, OrderStatus.Processing, cancellationToken: cancellationToken));

        using (MessagingTelemetry.StartOrderSpan("reserve stock", id))
        {
            if (await orders.ReserveStockAsync(id, lines) is { } shortSku)
            {
                var reason = $"Out of stock: {shortSku}.";
                LogRejected(logger, id, reason);
                await orders.TransitionAsync(id, OrderStatus.Rejected, reason);
                announcements.Add(events.PublishAsync(order, OrderStatus.Rejected, reason, cancellationToken: cancellationToken));
                return;
            }
        }

        LogProgress(logger, id, OrderStatus.StockReserved, replica.InstanceId);
        announcements.Add(events.PublishAsync(order, OrderStatus.StockReserved, cancellationToken: cancellationToken));

        string invoice;
        using (MessagingTelemetry.StartOrderSpan("issue invoice", id))
        {
            invoice = await orders.InvoiceAndCompleteAsync(id);
        }

        announcements.Add(events.PublishAsync(order, OrderStatus.Invoiced, invoiceNumber: invoice, cancellationToken: cancellationToken));
        announcements.Add(events.PublishAsync(order, OrderStatus.Completed, invoiceNumber: invoice, cancellationToken: cancellationToken));
        LogCompleted(logger, id, invoice, order.Total, replica.InstanceId);
    }

    // One line per order at Information (its end); the steps between are Debug: at hundreds of orders
    // a second, five lines an order cost the workers measurable CPU, and each step is a span anyway.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Order {OrderId}: {Status} ({Replica})")]
    private static partial void LogProgress(ILogger logger, string orderId, OrderStatus status, string replica);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId}: Completed, invoice {Invoice}, total {Total} ({Replica})")]
    private static partial void LogCompleted(ILogger logger, string orderId, string invoice, decimal total, string replica);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId}: Rejected. {Reason}")]
    private static partial void LogRejected(ILogger logger, string orderId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} was {Status} already (delivery {Delivery}); acknowledged")]
    private static partial void LogAlreadyDone(ILogger logger, string orderId, OrderStatus status, long delivery);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} was never confirmed by its API (its request was answered 503); dropped")]
    private static partial void LogNeverConfirmed(ILogger logger, string orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} is not stored (its request was not accepted); dropped")]
    private static partial void LogUnknown(ILogger logger, string orderId);
}

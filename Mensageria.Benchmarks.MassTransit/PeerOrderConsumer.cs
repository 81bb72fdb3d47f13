using MassTransit;
using Mensageria.Messaging.Contracts;
using Mensageria.Messaging.Orders;

namespace Mensageria.Benchmarks.MassTransit;

/// <summary>
/// Processes an order as Mensageria's worker does, step for step, with the same Redis scripts:
/// Processing → reserve stock (or Rejected) → StockReserved → invoice → Invoiced → Completed, each
/// stored and then published; as MassTransit publishes, each event is confirmed before the next step.
/// The message is acked when it returns.
/// </summary>
public sealed class PeerOrderConsumer(OrderStore orders, TimeProvider timeProvider) : IConsumer<OrderPlaced>
{
    public const string Queue = "mt.orders.placed";

    public async Task Consume(ConsumeContext<OrderPlaced> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.Message.OrderId;
        if (await orders.BeginProcessingAsync(id, Environment.MachineName) is not { } order)
        {
            return;
        }

        if (!order.Confirmed)
        {
            // Its API is between the broker's confirm and recording it, as in Mensageria's worker: try again shortly.
            throw new InvalidOperationException($"Order {id} is not confirmed yet.");
        }

        if (order.Status is OrderStatus.Completed or OrderStatus.Rejected)
        {
            await AnnounceAsync(context, order, order.Status, order.Reason, order.InvoiceNumber);
            return;
        }

        await AnnounceAsync(context, order, OrderStatus.Processing);
        if (await orders.ReserveStockAsync(id, context.Message.Lines) is { } shortSku)
        {
            var reason = $"Out of stock: {shortSku}.";
            await orders.TransitionAsync(id, OrderStatus.Rejected, reason);
            await AnnounceAsync(context, order, OrderStatus.Rejected, reason);
            return;
        }

        await AnnounceAsync(context, order, OrderStatus.StockReserved);
        var invoice = await orders.InvoiceAndCompleteAsync(id);
        await AnnounceAsync(context, order, OrderStatus.Invoiced, invoiceNumber: invoice);
        await AnnounceAsync(context, order, OrderStatus.Completed, invoiceNumber: invoice);
    }

    private Task AnnounceAsync(ConsumeContext context, OrderRecord order, OrderStatus status, string? reason = null, string? invoiceNumber = null) =>
        context.Publish(new OrderStatusChanged(order.Id, status, timeProvider.GetUtcNow(), reason, invoiceNumber, order.Total, order.TraceId));
}

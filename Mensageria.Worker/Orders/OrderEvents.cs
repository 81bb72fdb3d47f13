using Mensageria.Messaging.Contracts;
using Mensageria.Messaging.Orders;
using Mensageria.Messaging.Publishing;
using Mensageria.Messaging.Topology;

namespace Mensageria.Worker.Orders;

/// <summary>Announces an order's transition on <c>order-events</c> (routing key <c>order.{status}</c>), confirmed by the broker.</summary>
public sealed class OrderEvents(MessagePublisher publisher, TimeProvider timeProvider)
{
    public Task PublishAsync(
        OrderRecord order, OrderStatus status, string? reason = null, string? invoiceNumber = null, CancellationToken cancellationToken = default)
    {
        var change = new OrderStatusChanged(order.Id, status, timeProvider.GetUtcNow(), reason, invoiceNumber, order.Total, order.TraceId);
        return publisher.PublishAsync(
            MessagingTopology.OrderEventsExchange, MessagingTopology.StatusRoutingKey(status), change,
            MessagingJsonContext.Default.OrderStatusChanged, new MessageHeaders(MessagingTopology.StatusEventId(order.Id, status), order.Id),
            mandatory: false, cancellationToken: cancellationToken);
    }
}

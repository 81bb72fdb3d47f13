using Mensageria.Messaging.Contracts;

namespace Mensageria.Web.LiveFeed;

/// <summary>
/// One message on <c>/ws</c>: an order reached a status. <see cref="Type"/> is <c>order.status</c>;
/// the same order and status may arrive twice (events are at-least-once): key on both.
/// </summary>
public sealed record OrderFeedMessage(
    string Type,
    string OrderId,
    OrderStatus Status,
    DateTimeOffset At,
    string? Reason,
    string? InvoiceNumber,
    decimal? Total,
    string? TraceId)
{
    public const string StatusType = "order.status";

    public string Key => $"{OrderId}:{Status}";

    public static OrderFeedMessage From(OrderStatusChanged change) =>
        new(StatusType, change.OrderId, change.Status, change.At, change.Reason, change.InvoiceNumber, change.Total, change.TraceId);
}

namespace Mensageria.Messaging.Contracts;

/// <summary>An order moved to another status (exchange <c>order-events</c>, routing key <c>order.{status}</c>).</summary>
public sealed record OrderStatusChanged(
    string OrderId,
    OrderStatus Status,
    DateTimeOffset At,
    string? Reason = null,
    string? InvoiceNumber = null,
    decimal? Total = null,
    string? TraceId = null);

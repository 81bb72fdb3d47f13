using Mensageria.Messaging.Contracts;

namespace Mensageria.Messaging.Orders;

/// <summary>One transition of an order, with its time.</summary>
public sealed record StatusEntry(OrderStatus Status, DateTimeOffset At, string? Reason = null);

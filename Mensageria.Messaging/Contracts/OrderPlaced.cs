namespace Mensageria.Messaging.Contracts;

/// <summary>An accepted order, on its way to a worker (exchange <c>orders</c>, queue <c>orders.placed</c>).</summary>
public sealed record OrderPlaced(string OrderId, string CustomerId, IReadOnlyList<OrderLine> Lines, DateTimeOffset PlacedAt);

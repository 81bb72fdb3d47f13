namespace Mensageria.Api.Orders;

/// <summary>The body of <c>POST /api/orders</c> (and of a quote): who orders, and what.</summary>
public sealed record PlaceOrderRequest(string? CustomerId, IReadOnlyList<PlaceOrderLine?>? Lines);

public sealed record PlaceOrderLine(string? Sku, int Quantity);

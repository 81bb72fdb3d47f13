namespace Mensageria.Messaging.Orders;

/// <summary>A catalog entry; <see cref="Stock"/> is live, read from Redis with it.</summary>
public sealed record Product(string Sku, string Name, decimal Price, int Stock = 0);

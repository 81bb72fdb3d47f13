namespace Mensageria.Messaging.Contracts;

/// <summary>One line of an order as the customer asked for it.</summary>
public sealed record OrderLine(string Sku, int Quantity);

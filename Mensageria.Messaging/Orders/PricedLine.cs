namespace Mensageria.Messaging.Orders;

/// <summary>An order line with the name and unit price it was accepted at.</summary>
public sealed record PricedLine(string Sku, string Name, int Quantity, decimal UnitPrice)
{
    public decimal Amount => Quantity * UnitPrice;
}

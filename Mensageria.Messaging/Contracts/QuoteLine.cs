namespace Mensageria.Messaging.Contracts;

/// <summary>
/// One quoted line. <see cref="Shortfall"/> is how many of <see cref="Quantity"/> the stock cannot cover,
/// counting earlier lines of the same SKU first; 0 means the line is in stock.
/// </summary>
public sealed record QuoteLine(string Sku, string Name, int Quantity, decimal UnitPrice, decimal Amount, int InStock, int Shortfall);

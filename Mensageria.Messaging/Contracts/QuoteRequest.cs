namespace Mensageria.Messaging.Contracts;

/// <summary>Asks the inventory whether these lines can be fulfilled now, and at what total.</summary>
public sealed record QuoteRequest(IReadOnlyList<OrderLine> Lines);

namespace Mensageria.Messaging.Contracts;

/// <summary>
/// The answer to a <see cref="QuoteRequest"/>: each line priced with its availability, the total of
/// all lines, and whether an order of exactly these lines would be fulfilled if placed now. It
/// reserves nothing: stock can change before the order is placed.
/// </summary>
public sealed record Quote(IReadOnlyList<QuoteLine> Lines, decimal Total, bool Available, string QuotedBy, DateTimeOffset QuotedAt);

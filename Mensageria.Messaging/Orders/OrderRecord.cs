using System.Text.Json.Serialization;
using Mensageria.Messaging.Contracts;

namespace Mensageria.Messaging.Orders;

/// <summary>
/// An order as stored in Redis: what was asked, what it costs, where it is, and how it got there.
/// <see cref="Confirmed"/> is false from the moment it is stored until the broker confirmed its
/// message; until then nobody sees it and no worker processes it.
/// </summary>
public sealed record OrderRecord(
    string Id,
    string CustomerId,
    IReadOnlyList<PricedLine> Lines,
    decimal Total,
    OrderStatus Status,
    DateTimeOffset CreatedAt,
    string? TraceId,
    string? Reason,
    string? InvoiceNumber,
    string? ProcessedBy,
    IReadOnlyList<StatusEntry> History,
    [property: JsonIgnore] bool Confirmed = true);

using Mensageria.Messaging.Contracts;

namespace Mensageria.Benchmarks.MassTransit;

/// <summary>The body of <c>POST /api/orders</c>, as Mensageria's API takes it.</summary>
public sealed record PeerOrderRequest(string? CustomerId, IReadOnlyList<OrderLine>? Lines);

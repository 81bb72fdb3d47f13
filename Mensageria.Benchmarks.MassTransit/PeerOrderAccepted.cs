namespace Mensageria.Benchmarks.MassTransit;

/// <summary>What a 202 says: the order's id.</summary>
public sealed record PeerOrderAccepted(string OrderId);

namespace Mensageria.Messaging.Orders;

/// <summary>Who holds an idempotency key: the hash of the body it came with, its order, and whether that order was accepted.</summary>
public sealed record IdempotencyEntry(string BodyHash, string OrderId, bool Accepted);

namespace Mensageria.Messaging.Consuming;

/// <summary>What the broker says about one delivery: ids, and how often it was delivered before.</summary>
public sealed record DeliveryContext(string? MessageId, string? CorrelationId, bool Redelivered, long DeliveryCount);

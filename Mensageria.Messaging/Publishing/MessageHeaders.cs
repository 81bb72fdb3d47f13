namespace Mensageria.Messaging.Publishing;

/// <summary>The AMQP properties that identify a message: its own id and the order it belongs to.</summary>
public sealed record MessageHeaders(string MessageId, string CorrelationId);

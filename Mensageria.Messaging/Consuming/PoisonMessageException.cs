namespace Mensageria.Messaging.Consuming;

/// <summary>The message can never be handled (unreadable, or missing what it must carry); it goes to the dead-letter queue.</summary>
public sealed class PoisonMessageException(string message) : Exception(message);

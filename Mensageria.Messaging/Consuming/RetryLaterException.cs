namespace Mensageria.Messaging.Consuming;

/// <summary>
/// The message cannot be handled yet, through no fault of its own (its order is not confirmed yet):
/// the consumer tries again after a pause, without counting it as a failure.
/// </summary>
public sealed class RetryLaterException(string message) : Exception(message);

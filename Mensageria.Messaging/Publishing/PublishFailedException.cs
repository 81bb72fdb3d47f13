namespace Mensageria.Messaging.Publishing;

/// <summary>
/// The broker did not take responsibility for a message: it was nacked, returned as unroutable,
/// not confirmed in time, or the broker was unreachable. The caller must treat it as not sent.
/// </summary>
public sealed class PublishFailedException(string message, Exception? inner = null) : Exception(message, inner);

namespace Mensageria.Messaging.Consuming;

/// <summary>
/// The message cannot be handled yet, through no fault of its own (its order is not confirmed yet):
/// the consumer tries again after <see cref="FirstPause"/>, doubling the pause each time, without
/// counting it as a failure. A moment expected to pass quickly takes a short first pause.
/// </summary>
public sealed class RetryLaterException(string message, TimeSpan firstPause) : Exception(message)
{
    public TimeSpan FirstPause { get; } = firstPause;
}

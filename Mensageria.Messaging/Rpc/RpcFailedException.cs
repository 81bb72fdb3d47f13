namespace Mensageria.Messaging.Rpc;

/// <summary>The server answered with a failure instead of a result.</summary>
public sealed class RpcFailedException(string queue, string reason, bool unavailable)
    : Exception($"'{queue}' could not answer: {reason}")
{
    public string Reason { get; } = reason;

    /// <summary>A server the handler needs was unreachable: the same call may succeed shortly.</summary>
    public bool Unavailable { get; } = unavailable;
}

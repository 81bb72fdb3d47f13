namespace Mensageria.Messaging.Rpc;

/// <summary>No server answered within the call's timeout: none is running, or all are too busy.</summary>
public sealed class RpcTimeoutException(string queue, TimeSpan timeout)
    : Exception($"No reply from '{queue}' within {timeout.TotalSeconds:0.###} s: is a server consuming it?")
{
    public string Queue { get; } = queue;

    public TimeSpan Timeout { get; } = timeout;
}

namespace Mensageria.Benchmarks.MassTransit;

/// <summary>What a peer process does, from <c>Peer:Role</c>: take orders over HTTP, or process them.</summary>
public enum PeerRole
{
    Api,
    Worker,
}

namespace Mensageria.Messaging.Rpc;

/// <summary>
/// Answers one request. A throw becomes a failure reply (unavailable, when a server it needs is
/// unreachable); a request is never retried, because its caller is waiting.
/// </summary>
public interface IRpcHandler<in TRequest, TResponse>
{
    Task<TResponse> HandleAsync(TRequest request, CancellationToken cancellationToken);
}

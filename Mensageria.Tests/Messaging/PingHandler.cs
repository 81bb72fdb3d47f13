using System.Globalization;
using Mensageria.Messaging.Rpc;

namespace Mensageria.Tests.Messaging;

internal sealed class PingHandler : IRpcHandler<Ping, Pong>
{
    public async Task<Pong> HandleAsync(Ping request, CancellationToken cancellationToken)
    {
        await Task.Delay(request.DelayMs, cancellationToken);
        return request.Fail switch
        {
            "unavailable" => throw new TimeoutException("the store did not answer"),
            { } reason => throw new InvalidOperationException(reason),
            null => new Pong(request.Number, ((long)request.Number * request.Number).ToString(CultureInfo.InvariantCulture)),
        };
    }
}

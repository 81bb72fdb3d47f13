using Mensageria.Messaging.Topology;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Mensageria.Api.Orders;

/// <summary>
/// The orders waiting in <c>orders.placed</c> for a worker, read from the broker a few times a second (a passive
/// declare on a channel of its own) rather than per request. Unknown while the broker cannot say: the placement's
/// own broker check answers for that.
/// </summary>
public sealed partial class OrderBacklog(IConnection broker, IOptions<BacklogOptions> options, TimeProvider timeProvider, ILogger<OrderBacklog> logger)
    : BackgroundService
{
    private long _waiting = -1;

    /// <summary>The bound from the options; 0 when there is none.</summary>
    public int MaxBacklog => options.Value.MaxBacklog;

    /// <summary>Whether more orders wait than the bound allows, with how many at the last reading.</summary>
    public bool IsFull(out long waiting)
    {
        waiting = Interlocked.Read(ref _waiting);
        return MaxBacklog > 0 && waiting > MaxBacklog;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (MaxBacklog <= 0)
        {
            return;
        }

        IChannel? channel = null;
        using var timer = new PeriodicTimer(options.Value.CheckInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    channel = channel is { IsOpen: true } ? channel : await broker.CreateChannelAsync(cancellationToken: stoppingToken);
                    var waiting = (await channel.QueueDeclarePassiveAsync(MessagingTopology.OrdersQueue, stoppingToken)).MessageCount;
                    var previous = Interlocked.Exchange(ref _waiting, waiting);
                    if ((previous > MaxBacklog) != (waiting > MaxBacklog))
                    {
                        LogBacklogChanged(logger, waiting, MaxBacklog, waiting > MaxBacklog ? "refusing new orders" : "taking orders again");
                    }
                }
                catch (Exception e) when (e is RabbitMQ.Client.Exceptions.AlreadyClosedException or RabbitMQ.Client.Exceptions.OperationInterruptedException or IOException)
                {
                    Interlocked.Exchange(ref _waiting, -1);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (channel is not null)
            {
                await channel.DisposeAsync();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Waiting} orders wait for a worker (bound {MaxBacklog}): {Action}")]
    private static partial void LogBacklogChanged(ILogger logger, long waiting, int maxBacklog, string action);
}

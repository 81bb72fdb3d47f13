using Mensageria.Messaging.Orders;
using Mensageria.Messaging.Topology;
using RabbitMQ.Client;

namespace Mensageria.Api;

/// <summary>Declares the broker topology and seeds the catalog at start, retrying until both servers answer.</summary>
public sealed partial class StartupTasks(IConnection broker, CatalogStore catalog, TimeProvider timeProvider, ILogger<StartupTasks> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using (var channel = await broker.CreateChannelAsync(cancellationToken: stoppingToken))
                {
                    await MessagingTopology.DeclareAsync(channel, stoppingToken);
                }

                await catalog.SeedAsync();
                LogReady(logger);
                return;
            }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or RabbitMQ.Client.Exceptions.AlreadyClosedException or IOException)
            {
                LogRetrying(logger, e.Message, attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(5, attempt)), timeProvider, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Broker topology declared and catalog seeded")]
    private static partial void LogReady(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot declare the topology or seed the catalog yet ({Reason}); attempt {Attempt}")]
    private static partial void LogRetrying(ILogger logger, string reason, int attempt);
}

using Mensageria.Messaging.Orders;
using Mensageria.Messaging.Topology;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace Mensageria.Api;

/// <summary>
/// Declares the broker topology and seeds the catalog at start, retrying until both servers answer.
/// Also a health check: the API is not ready (and nothing waiting for it starts) before this is done,
/// because until then every SKU would look unknown.
/// </summary>
public sealed partial class StartupTasks(IConnection broker, CatalogStore catalog, TimeProvider timeProvider, ILogger<StartupTasks> logger)
    : BackgroundService, IHealthCheck
{
    private volatile bool _done;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_done ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The topology is not declared or the catalog not seeded yet."));

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
                _done = true;
                LogReady(logger);
                return;
            }
            catch (Exception e) when (Messaging.Consuming.TransientFailure.Is(e))
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

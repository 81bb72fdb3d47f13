using Mensageria.Messaging.Consuming;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mensageria.Messaging;

/// <summary>
/// Work a service must finish before it is ready (declare the topology, seed a catalog, bind a
/// queue): run at start and retried with backoff while a server is unreachable. It is also a health
/// check, unhealthy until the work is done, so whoever waits for the service waits for it too.
/// </summary>
public abstract partial class StartupStep(TimeProvider timeProvider, ILogger logger) : BackgroundService, IHealthCheck
{
    private volatile bool _done;

    /// <summary>What the health check says until the step is done.</summary>
    protected abstract string PendingDescription { get; }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_done ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(PendingDescription));

    /// <summary>Does the work once; a transient failure (a server unreachable) makes it run again.</summary>
    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                _done = true;
                return;
            }
            catch (Exception e) when (TransientFailure.Is(e))
            {
                LogRetrying(logger, GetType().Name, TransientFailure.Reason(e), attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(5, attempt)), timeProvider, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Step} cannot finish yet ({Reason}); attempt {Attempt}, trying again")]
    private static partial void LogRetrying(ILogger logger, string step, string reason, int attempt);
}

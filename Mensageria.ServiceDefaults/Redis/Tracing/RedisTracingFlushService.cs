using Microsoft.Extensions.Hosting;

namespace Mensageria.ServiceDefaults.Redis.Tracing;

/// <summary>
/// Drains every profiling session now and then: for commands that complete after their Activity
/// ended, for long-running Activities, and for Activities the tracer provider does not process.
/// </summary>
internal sealed class RedisTracingFlushService(RedisCommandTracer tracer, TimeProvider timeProvider) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                tracer.FlushAll();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: record what is left while the tracer provider can still export it.
            tracer.FlushAll();
        }
    }
}

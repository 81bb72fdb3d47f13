namespace Mensageria.Worker;

/// <summary>
/// Announces that this worker replica started and stopped, so its logs say which replica they come from.
/// </summary>
public sealed partial class ReplicaLifecycleService(
    ReplicaIdentity replica,
    ILogger<ReplicaLifecycleService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Log.Started(logger, replica.InstanceId);
        return Task.CompletedTask;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Log.Stopped(logger, replica.InstanceId);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Worker replica {InstanceId} started.")]
        public static partial void Started(ILogger logger, string instanceId);

        [LoggerMessage(2, LogLevel.Information, "Worker replica {InstanceId} stopped.")]
        public static partial void Stopped(ILogger logger, string instanceId);
    }
}

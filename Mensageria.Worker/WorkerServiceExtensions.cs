namespace Mensageria.Worker;

/// <summary>The worker's own services.</summary>
public static class WorkerServiceExtensions
{
    public static IHostApplicationBuilder AddWorkerServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddSingleton(ReplicaIdentity.FromConfiguration(builder.Configuration));
        builder.Services.AddHostedService<ReplicaLifecycleService>();
        return builder;
    }
}

using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mensageria.Tests.Infrastructure;

/// <summary>
/// The latest snapshot of every instance (replica) of an app's resources, kept current from Aspire's
/// notifications for as long as the app runs: Aspire names an instance by its resource's name and a
/// suffix, and tells them apart only in its notifications.
/// </summary>
internal sealed class ResourceInstances
{
    private static readonly ConditionalWeakTable<DistributedApplication, ResourceInstances> s_apps = [];
    private readonly ConcurrentDictionary<string, ResourceEvent> _latest = new(StringComparer.Ordinal);

    private ResourceInstances(DistributedApplication app)
    {
        var stopping = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        _ = Task.Run(async () =>
        {
            await foreach (var update in app.ResourceNotifications.WatchAsync(stopping).ConfigureAwait(false))
            {
                _latest[update.ResourceId] = update;
            }
        }, CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public static ResourceInstances Of(DistributedApplication app) => s_apps.GetValue(app, a => new ResourceInstances(a));

    /// <summary>Every instance of the resource, by instance id; waits briefly until all its replicas have reported.</summary>
    public IReadOnlyDictionary<string, CustomResourceSnapshot> For(IResource resource)
    {
        var replicas = resource.Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var instances = _latest.Values.Where(e => e.Resource.Name == resource.Name).ToDictionary(e => e.ResourceId, e => e.Snapshot, StringComparer.Ordinal);
            if (instances.Count >= replicas || DateTime.UtcNow > deadline)
            {
                return instances;
            }

            Thread.Sleep(20);
        }
    }
}

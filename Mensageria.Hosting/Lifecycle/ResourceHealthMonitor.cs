using Mensageria.Hosting.Runners;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mensageria.Hosting.Lifecycle;

/// <summary>
/// Checks a running resource's health until its run ends: often while it starts, so whoever waits
/// for it goes on quickly, then every two seconds. A resource that was healthy and fails its check
/// is Unhealthy; one that never was stays Running, with the failing check as its reason.
/// </summary>
internal static class ResourceHealthMonitor
{
    private static readonly TimeSpan s_startingInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_healthyInterval = TimeSpan.FromSeconds(2);

    public static async Task WatchAsync(
        ResourceRunner runner, ResourceNotificationService notifications, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var everHealthy = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            var result = await runner.CheckHealthAsync(cancellationToken);
            var healthy = result.Status == HealthStatus.Healthy;
            everHealthy |= healthy;
            notifications.Update(runner.Resource.Name, s => s.IsTerminal || s.State == ResourceState.Stopping ? s : s with
            {
                State = healthy ? ResourceState.Healthy : everHealthy ? ResourceState.Unhealthy : ResourceState.Running,
                Health = healthy ? "Healthy" : "Unhealthy",
                Reason = healthy ? null : result.Description,
            });
            await Task.Delay(everHealthy ? s_healthyInterval : s_startingInterval, timeProvider, cancellationToken);
        }
    }
}

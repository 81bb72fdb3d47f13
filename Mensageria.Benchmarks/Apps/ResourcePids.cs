using System.Collections.Concurrent;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Mensageria.Benchmarks.Apps;

/// <summary>The process of every resource instance (replica), as Aspire's notifications report them, kept current while the app runs.</summary>
internal sealed class ResourcePids : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (string Resource, int Pid)> _instances = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watch;

    public ResourcePids(DistributedApplication app) =>
        _watch = WatchAsync(app.Services.GetRequiredService<ResourceNotificationService>(), _stop.Token);

    public IReadOnlyDictionary<string, IReadOnlyList<int>> ByResource() =>
        _instances.Values.GroupBy(i => i.Resource, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<int>)[.. g.Select(i => i.Pid)], StringComparer.Ordinal);

    /// <summary>Waits until every named resource has reported at least <paramref name="instances"/> processes in all, so no phase counts a start-up.</summary>
    public async Task WaitUntilKnownAsync(IReadOnlyCollection<string> resources, int instances, CancellationToken cancellationToken)
    {
        while (_instances.Values.Count(i => resources.Contains(i.Resource)) < instances)
        {
            await Task.Delay(50, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watch.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task WatchAsync(ResourceNotificationService notifications, CancellationToken cancellationToken)
    {
        await foreach (var update in notifications.WatchAsync(cancellationToken))
        {
            if (update.Snapshot.Properties.SingleOrDefault(p => p.Name == "executable.pid")?.Value is { } pid)
            {
                _instances[update.ResourceId] = (update.Resource.Name, Convert.ToInt32(pid, CultureInfo.InvariantCulture));
            }
        }
    }
}

using Mensageria.Hosting.ApplicationModel;
using Mensageria.Hosting.Processes;
using Mensageria.Hosting.Runners;
using Mensageria.Hosting.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mensageria.Hosting.Lifecycle;

/// <summary>
/// Starts every resource once the resources it waits for are healthy, watches its health while it
/// runs, and stops services before the servers they use. Runs as the app host's hosted service.
/// </summary>
internal sealed partial class ApplicationOrchestrator(
    IReadOnlyList<ResourceRunner> runners,
    StateDirectory state,
    ResourceNotificationService notifications,
    ProcessLedger ledger,
    TimeProvider timeProvider,
    ILogger<ApplicationOrchestrator> logger) : IHostedService
{
    private readonly Dictionary<string, ResourceRun> _runs = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private bool _started;
    private IDisposable? _claim;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _claim = state.Claim();
        try
        {
            await ledger.StopLeftoversAsync(cancellationToken);
            ResourcePrerequisites.Check(runners);
        }
        catch
        {
            ReleaseClaim();
            throw;
        }

        foreach (var runner in runners)
        {
            notifications.Publish(new ResourceSnapshot(runner.Resource.Name, runner.Resource.Type) { Endpoints = runner.Endpoints });
            runner.AllExited += exitCode => OnAllExited(runner, exitCode);
        }

        _started = true;
        foreach (var runner in runners)
        {
            Begin(runner, waitForDependencies: true);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_started)
        {
            return;
        }

        // Services first, so none of them sees its broker or cache vanish, then the servers.
        await Task.WhenAll(runners.Where(r => r.Resource is ProjectResource).Select(r => StopResourceAsync(r.Resource.Name, cancellationToken)));
        await Task.WhenAll(runners.Where(r => r.Resource is not ProjectResource).Select(r => StopResourceAsync(r.Resource.Name, cancellationToken)));
        _started = false;
        ReleaseClaim();
    }

    private void ReleaseClaim()
    {
        _claim?.Dispose();
        _claim = null;
    }

    public async Task StopResourceAsync(string name, CancellationToken cancellationToken)
    {
        var runner = Find(name);
        ResourceRun? run;
        lock (_gate)
        {
            _runs.Remove(name, out run);
        }

        if (run is null)
        {
            return;
        }

        await run.CancelAsync();
        notifications.Update(name, s => s.IsTerminal ? s : s with { State = ResourceState.Stopping });
        await runner.StopAsync(cancellationToken);
        notifications.Update(name, s => s with { State = ResourceState.Exited, Health = null, Reason = "stopped" });
    }

    public Task StartResourceAsync(string name)
    {
        var runner = Find(name);
        lock (_gate)
        {
            if (_runs.ContainsKey(name) && !notifications.Get(name).IsTerminal)
            {
                // Running, perhaps with a replica missing: start what is missing.
                return runner.StartAsync(CancellationToken.None);
            }
        }

        // Leave Exited before returning, so a caller that now waits for health does not see the old state.
        notifications.Update(name, s => s with { State = ResourceState.Starting, Health = null, Reason = null, ExitCode = null });
        Begin(runner, waitForDependencies: false);
        return Task.CompletedTask;
    }

    public Task KillReplicaAsync(string name, string replicaId) => Find(name).KillReplicaAsync(replicaId);

    private void Begin(ResourceRunner runner, bool waitForDependencies)
    {
        var run = new ResourceRun();
        lock (_gate)
        {
            _runs[runner.Resource.Name] = run;
        }

        run.Task = Task.Run(() => RunAsync(runner, waitForDependencies, run.Token));
    }

    private async Task RunAsync(ResourceRunner runner, bool waitForDependencies, CancellationToken cancellationToken)
    {
        var name = runner.Resource.Name;
        try
        {
            if (waitForDependencies)
            {
                notifications.Update(name, s => s with { State = ResourceState.Waiting });
                foreach (var dependency in runner.Resource.WaitsFor)
                {
                    await notifications.WaitForHealthyAsync(dependency.Name, Timeout.InfiniteTimeSpan, cancellationToken);
                }
            }

            notifications.Update(name, s => s with { State = ResourceState.Starting, Health = null, Reason = null, ExitCode = null });
            await runner.StartAsync(cancellationToken);
            notifications.Update(name, s => s with { State = ResourceState.Running, StartedAt = timeProvider.GetUtcNow() });
            await ResourceHealthMonitor.WatchAsync(runner, notifications, timeProvider, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is ResourceFailedException or ResourceStartException or IOException or System.ComponentModel.Win32Exception)
        {
            LogFailedToStart(logger, name, e.Message);
            notifications.Update(name, s => s with { State = ResourceState.FailedToStart, Health = null, Reason = e.Message });
        }
    }

    private void OnAllExited(ResourceRunner runner, int exitCode)
    {
        var name = runner.Resource.Name;
        notifications.Update(name, s => s.State == ResourceState.Stopping ? s : s with
        {
            State = ResourceState.Exited,
            Health = null,
            ExitCode = exitCode,
            Reason = $"exited with code {exitCode}",
        });
        lock (_gate)
        {
            if (_runs.Remove(name, out var run) && notifications.Get(name).State != ResourceState.Stopping)
            {
                LogExited(logger, name, exitCode);
                _ = run.CancelAsync();
            }
        }
    }

    private ResourceRunner Find(string name) =>
        runners.FirstOrDefault(r => r.Resource.Name == name)
        ?? throw new ArgumentException($"There is no resource named '{name}'. Resources: {string.Join(", ", runners.Select(r => r.Resource.Name))}.", nameof(name));

    [LoggerMessage(Level = LogLevel.Error, Message = "{Resource} failed to start: {Reason}")]
    private static partial void LogFailedToStart(ILogger logger, string resource, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Resource} exited with code {ExitCode}")]
    private static partial void LogExited(ILogger logger, string resource, int exitCode);
}

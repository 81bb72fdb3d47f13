using System.Collections.Concurrent;
using System.Collections.Immutable;
using Mensageria.Hosting.ApplicationModel;
using Mensageria.Hosting.Lifecycle;
using Mensageria.Hosting.Processes;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mensageria.Hosting.Runners;

/// <summary>
/// Starts, checks and stops one resource's processes. Subclasses say what to run and how to tell
/// it is ready; this class launches replicas, keeps the ledger and reports exits.
/// </summary>
internal abstract class ResourceRunner(IResource resource, RunnerContext context)
{
    private readonly ConcurrentDictionary<string, ManagedProcess> _running = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<int, Task> _exitObservers = new();

    // Helpers such as a broker's epmd: they serve the main processes and end with them.
    private readonly ConcurrentDictionary<string, bool> _auxiliary = new(StringComparer.Ordinal);

    public IResource Resource { get; } = resource;

    protected RunnerContext Context { get; } = context;

    /// <summary>Raised when every main process has exited, whether stopped or crashed.</summary>
    public event Action<int>? AllExited;

    /// <summary>Fails with a message that says what to install or build when the resource cannot run here.</summary>
    public abstract void CheckPrerequisites();

    /// <summary>Launches the processes (those not already running) and returns once they are started.</summary>
    public abstract Task StartAsync(CancellationToken cancellationToken);

    public abstract Task<HealthCheckResult> CheckHealthAsync(CancellationToken cancellationToken);

    /// <summary>The endpoints people and scripts use, name → URL.</summary>
    public abstract ImmutableSortedDictionary<string, string> Endpoints { get; }

    /// <summary>Stops the processes and returns once every exit has been recorded.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await StopProcessesAsync(cancellationToken);
        await Task.WhenAll(_exitObservers.Values);
    }

    protected virtual Task StopProcessesAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_running.Values.Select(p => p.StopAsync(TimeSpan.FromSeconds(5))));

    public Task KillReplicaAsync(string replicaId) =>
        _running.TryGetValue(replicaId, out var process)
            ? process.KillAsync()
            : throw new ArgumentException($"{Resource} has no running replica '{replicaId}'.", nameof(replicaId));

    protected bool IsRunning(string replicaId) => _running.ContainsKey(replicaId);

    protected ManagedProcess? GetProcess(string replicaId) => _running.GetValueOrDefault(replicaId);

    protected ManagedProcess Launch(ProcessSpec spec, string? url = null, bool auxiliary = false)
    {
        if (auxiliary)
        {
            _auxiliary[spec.ReplicaId] = true;
        }

        var process = ManagedProcess.Start(spec, (text, isError) => Context.Logs.Add(
            new ResourceLogLine(Resource.Name, spec.ReplicaId, Context.TimeProvider.GetUtcNow(), text, isError)));
        _running[spec.ReplicaId] = process;
        Context.Ledger.Add(spec.ReplicaId, process.Pid);
        SetReplica(new ReplicaSnapshot(spec.ReplicaId, process.Pid, url, ExitCode: null));
        _exitObservers[process.Pid] = ObserveExitAsync(spec.ReplicaId, process, url);
        return process;
    }

    private async Task ObserveExitAsync(string replicaId, ManagedProcess process, string? url)
    {
        var exitCode = await process.Exited;
        Context.Ledger.Remove(process.Pid);
        _running.TryRemove(new KeyValuePair<string, ManagedProcess>(replicaId, process));
        process.Dispose();
        SetReplica(new ReplicaSnapshot(replicaId, process.Pid, url, exitCode));
        if (!_auxiliary.ContainsKey(replicaId) && !_running.Keys.Any(id => !_auxiliary.ContainsKey(id)))
        {
            await Task.WhenAll(_running.Values.Select(helper => helper.StopAsync(TimeSpan.FromSeconds(2))));
            AllExited?.Invoke(exitCode);
        }

        _exitObservers.TryRemove(process.Pid, out _);
    }

    private void SetReplica(ReplicaSnapshot replica) => Context.Notifications.Update(Resource.Name, s =>
    {
        var index = s.Replicas.FindIndex(r => r.Id == replica.Id);
        var replicas = index < 0 ? s.Replicas.Add(replica) : s.Replicas.SetItem(index, replica);
        return s with { Replicas = [.. replicas.OrderBy(r => r.Id, StringComparer.Ordinal)] };
    });
}

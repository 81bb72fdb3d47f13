using System.Collections.Immutable;
using Mensageria.Hosting.Processes;

namespace Mensageria.Hosting.Lifecycle;

/// <summary>
/// The current snapshot of every resource, and a way to wait for one to reach a state: a waiter
/// fails at once, with the reason and the resource's last log lines, when the resource can no
/// longer get there (it exited or failed to start), instead of hanging until a timeout.
/// </summary>
public sealed class ResourceNotificationService(ResourceLogStore logs, TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private ImmutableDictionary<string, ResourceSnapshot> _snapshots = ImmutableDictionary<string, ResourceSnapshot>.Empty;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public event Action<ResourceSnapshot, ResourceSnapshot?>? Changed;

    public IReadOnlyList<ResourceSnapshot> Snapshots => [.. _snapshots.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];

    public ResourceSnapshot Get(string name) =>
        _snapshots.TryGetValue(name, out var snapshot)
            ? snapshot
            : throw new ArgumentException($"There is no resource named '{name}'. Resources: {string.Join(", ", _snapshots.Keys)}.", nameof(name));

    public void Publish(ResourceSnapshot snapshot) => Update(snapshot.Name, _ => snapshot, snapshot);

    public void Update(string name, Func<ResourceSnapshot, ResourceSnapshot> change) => Update(name, change, null);

    public Task WaitForHealthyAsync(string name, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitForAsync(name, s => s.Health == "Healthy" && s.State == ResourceState.Healthy, "healthy", timeout, cancellationToken);

    public async Task<ResourceSnapshot> WaitForAsync(
        string name, Func<ResourceSnapshot, bool> condition, string description, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            var snapshot = Get(name);
            if (condition(snapshot))
            {
                return snapshot;
            }

            if (snapshot.IsTerminal)
            {
                throw new ResourceFailedException(snapshot, description, logs.Tail(name, 20));
            }

            try
            {
                await changed.WaitAsync(linked.Token);
            }
            catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"'{name}' did not become {description} within {timeout.TotalSeconds:0.#} s: it is {snapshot.State}" +
                    (snapshot.Reason is null ? "" : $" ({snapshot.Reason})") +
                    $". Its last output:{Environment.NewLine}{logs.Tail(name, 20)}");
            }
        }
    }

    private void Update(string name, Func<ResourceSnapshot, ResourceSnapshot> change, ResourceSnapshot? initial)
    {
        ResourceSnapshot? previous;
        ResourceSnapshot current;
        TaskCompletionSource changed;
        lock (_gate)
        {
            previous = _snapshots.GetValueOrDefault(name);
            current = change(previous ?? initial ?? throw new ArgumentException($"There is no resource named '{name}'.", nameof(name)));
            if (current == previous)
            {
                return;
            }

            _snapshots = _snapshots.SetItem(name, current);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
        Changed?.Invoke(current, previous);
    }
}

namespace Mensageria.Dashboard.Telemetry;

/// <summary>Completes a task on every change to the store, so a waiter re-checks only when there is something new.</summary>
public sealed class TelemetryChanges
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A task that completes at the next change; take it before checking, so no change is missed in between.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Notify() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Checks <paramref name="probe"/> now and after every change until it finds something or the time is up.</summary>
    public async Task<T> WaitForAsync<T>(Func<T?> probe, string description, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
        where T : class
    {
        using var timeoutSource = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        while (true)
        {
            var changed = Next;
            if (probe() is { } found)
            {
                return found;
            }

            try
            {
                await changed.WaitAsync(linked.Token);
            }
            catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"No telemetry showed {description} within {timeout.TotalSeconds:0.#} s.");
            }
        }
    }
}

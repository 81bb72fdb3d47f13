namespace Mensageria.Hosting.Lifecycle;

/// <summary>One start of a resource: the task that starts and watches it, and the token that ends it.</summary>
internal sealed class ResourceRun : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();

    public CancellationToken Token => _cancellation.Token;

    public Task Task { get; set; } = Task.CompletedTask;

    public async Task CancelAsync()
    {
        await _cancellation.CancelAsync();
        try
        {
            await Task;
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            Dispose();
        }
    }

    public void Dispose() => _cancellation.Dispose();
}

using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;

namespace Mensageria.ServiceDefaults.RabbitMQ;

/// <summary>
/// Owns the one shared connection of a connection name: opens it when the host starts (so a broker
/// that is not there fails the start, with a message saying what to check) and closes it when the
/// container is disposed.
/// </summary>
internal sealed class RabbitMQConnectionProvider(RabbitMQConnector connector) : IHostedService, IAsyncDisposable
{
    private readonly CancellationTokenSource _disposing = new();
    private readonly Lock _lock = new();
    private Task<IConnection>? _connecting;
    private int _disposed;

    /// <summary>The connection once it has been opened; it may since have been lost and be recovering.</summary>
    public IConnection? Connection => _connecting is { IsCompletedSuccessfully: true } done ? done.Result : null;

    /// <summary>Why the connection could not be opened, once the connector gave up.</summary>
    public Exception? Failure => _connecting is { IsFaulted: true } failed ? failed.Exception.InnerException : null;

    public Task<IConnection> GetConnectionAsync(CancellationToken cancellationToken) =>
        Connecting.WaitAsync(cancellationToken);

    // Service provider factories are synchronous; after StartAsync the task has already completed.
    public IConnection GetConnection() => Connecting.GetAwaiter().GetResult();

    public Task StartAsync(CancellationToken cancellationToken) => GetConnectionAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        // Registered both keyed and as a hosted service, so the container disposes it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _disposing.CancelAsync();
        if (Connection is { } connection)
        {
            await connection.DisposeAsync();
        }

        _disposing.Dispose();
    }

    private Task<IConnection> Connecting
    {
        get
        {
            // One attempt sequence, whoever asks first; not tied to any caller's token.
            lock (_lock)
            {
                return _connecting ??= connector.ConnectAsync(_disposing.Token);
            }
        }
    }
}

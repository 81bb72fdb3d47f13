using Mensageria.ServiceDefaults.Redis.Tracing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Mensageria.ServiceDefaults.Redis;

/// <summary>
/// Owns the one shared multiplexer of a connection name: connects when the host starts, hooks the
/// command tracer in, logs connection losses, and disposes the multiplexer with the container.
/// The multiplexer reconnects by itself, so starting never fails for a Redis that is down.
/// </summary>
internal sealed partial class RedisConnectionProvider(
    string connectionName,
    ConfigurationOptions options,
    RedisCommandTracer? tracer,
    ILogger<RedisConnectionProvider> logger) : IHostedService, IAsyncDisposable
{
    private readonly Lock _lock = new();
    private Task<IConnectionMultiplexer>? _connecting;
    private int _disposed;

    /// <summary>The multiplexer once created; it may be disconnected and reconnecting.</summary>
    public IConnectionMultiplexer? Multiplexer =>
        _connecting is { IsCompletedSuccessfully: true } done ? done.Result : null;

    /// <summary>Why the multiplexer could not even be created (not: why Redis is down).</summary>
    public Exception? Failure => _connecting is { IsFaulted: true } failed ? failed.Exception.InnerException : null;

    public Task<IConnectionMultiplexer> GetMultiplexerAsync(CancellationToken cancellationToken) =>
        Connecting.WaitAsync(cancellationToken);

    // Service provider factories are synchronous; after StartAsync the task has already completed.
    public IConnectionMultiplexer GetMultiplexer() => Connecting.GetAwaiter().GetResult();

    public Task StartAsync(CancellationToken cancellationToken) => GetMultiplexerAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        // Registered both keyed and as a hosted service, so the container disposes it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && Multiplexer is { } multiplexer)
        {
            await multiplexer.DisposeAsync();
        }
    }

    private Task<IConnectionMultiplexer> Connecting
    {
        get
        {
            lock (_lock)
            {
                return _connecting ??= ConnectAsync();
            }
        }
    }

    private async Task<IConnectionMultiplexer> ConnectAsync()
    {
        var endpoints = string.Join(", ", options.EndPoints.Select(endpoint => endpoint.ToString()));
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(options);
        tracer?.Instrument(multiplexer);

        multiplexer.ConnectionFailed += (_, e) =>
            Log.ConnectionFailed(logger, e.Exception, connectionName, e.EndPoint?.ToString(), e.FailureType);
        multiplexer.ConnectionRestored += (_, e) =>
            Log.ConnectionRestored(logger, connectionName, e.EndPoint?.ToString());

        if (multiplexer.IsConnected)
        {
            Log.Connected(logger, connectionName, endpoints);
        }
        else
        {
            Log.NotConnectedYet(logger, connectionName, endpoints);
        }

        return multiplexer;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Redis connection '{ConnectionName}' open to {Endpoints}.")]
        public static partial void Connected(ILogger logger, string connectionName, string endpoints);

        [LoggerMessage(2, LogLevel.Warning, "Redis connection '{ConnectionName}' could not reach {Endpoints} yet; it keeps trying in the background. Check that Redis runs there and that the password in ConnectionStrings:{ConnectionName} is right.")]
        public static partial void NotConnectedYet(ILogger logger, string connectionName, string endpoints);

        [LoggerMessage(3, LogLevel.Warning, "Redis connection '{ConnectionName}' to {Endpoint} failed ({FailureType}); reconnecting.")]
        public static partial void ConnectionFailed(ILogger logger, Exception? exception, string connectionName, string? endpoint, ConnectionFailureType failureType);

        [LoggerMessage(4, LogLevel.Information, "Redis connection '{ConnectionName}' to {Endpoint} restored.")]
        public static partial void ConnectionRestored(ILogger logger, string connectionName, string? endpoint);
    }
}

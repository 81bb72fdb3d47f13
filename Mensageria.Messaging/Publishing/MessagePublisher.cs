using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Mensageria.Messaging.Publishing;

/// <summary>
/// Publishes persistent JSON messages and returns only once the broker confirmed them. A few shared
/// channels with publisher-confirm tracking carry many publishes in flight at once (never a channel
/// per message, never one publish at a time); a caller may send several before awaiting their confirms. A nack, a return (when mandatory: no queue bound) or no
/// confirm within the timeout surfaces as <see cref="PublishFailedException"/>.
/// </summary>
public sealed class MessagePublisher(IConnection connection, TimeProvider timeProvider) : IAsyncDisposable
{
    public static readonly TimeSpan DefaultConfirmTimeout = TimeSpan.FromSeconds(1.5);
    private const int ChannelCount = 4;

    private readonly IChannel?[] _channels = new IChannel?[ChannelCount];
    private readonly SemaphoreSlim _channelGate = new(1, 1);
    private int _next;

    public async Task PublishAsync<T>(
        string exchange, string routingKey, T message, JsonTypeInfo<T> typeInfo, MessageHeaders headers,
        TimeSpan? confirmTimeout = null, bool mandatory = true, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(message, typeInfo);
        var properties = new BasicProperties
        {
            Persistent = true,
            ContentType = "application/json",
            MessageId = headers.MessageId,
            CorrelationId = headers.CorrelationId,
            Type = typeof(T).Name,
            Timestamp = new AmqpTimestamp(timeProvider.GetUtcNow().ToUnixTimeSeconds()),
            Headers = new Dictionary<string, object?>(),
        };

        using var timeout = new CancellationTokenSource(confirmTimeout ?? DefaultConfirmTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var channel = await GetChannelAsync(headers.CorrelationId, linked.Token);
            await channel.BasicPublishAsync(exchange, routingKey, mandatory, properties, body, linked.Token);
        }
        catch (PublishException e)
        {
            throw new PublishFailedException(e.IsReturn
                ? $"The broker returned the message: no queue is bound to '{exchange}' with '{routingKey}'."
                : "The broker refused the message (nack).", e);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new PublishFailedException($"The broker did not confirm the message within {(confirmTimeout ?? DefaultConfirmTimeout).TotalSeconds:0.#} s.", e);
        }
        catch (Exception e) when (e is AlreadyClosedException or OperationInterruptedException or BrokerUnreachableException or IOException)
        {
            throw new PublishFailedException($"The broker is unreachable: {e.Message}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            if (channel is not null)
            {
                await channel.DisposeAsync();
            }
        }

        _channelGate.Dispose();
    }

    private async ValueTask<IChannel> GetChannelAsync(string? correlationId, CancellationToken cancellationToken)
    {
        if (!connection.IsOpen)
        {
            throw new AlreadyClosedException(connection.CloseReason ?? new ShutdownEventArgs(ShutdownInitiator.Library, 0, "connection is not open"));
        }

        // The messages of one correlation (an order's) share a channel, so they reach the broker in the order they were
        // sent even when sent back to back without waiting for each confirm; the others take turns.
        var slot = (int)((uint)(correlationId?.GetHashCode(StringComparison.Ordinal) ?? Interlocked.Increment(ref _next)) % ChannelCount);
        if (_channels[slot] is { IsOpen: true } open)
        {
            return open;
        }

        // A channel closed by a channel-level error is not recovered with the connection: open another.
        await _channelGate.WaitAsync(cancellationToken);
        try
        {
            if (_channels[slot] is not { IsOpen: true })
            {
                if (_channels[slot] is { } closed)
                {
                    await closed.DisposeAsync();
                }

                _channels[slot] = await connection.CreateChannelAsync(
                    new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
                    cancellationToken);
            }

            return _channels[slot]!;
        }
        finally
        {
            _channelGate.Release();
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Mensageria.Messaging.Contracts;
using Mensageria.Messaging.Publishing;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Mensageria.Messaging.Rpc;

/// <summary>
/// Request/reply over RabbitMQ. Requests go to a durable queue with a correlation id and
/// <c>reply-to</c> = direct reply-to, so replies come back on this client's one channel without a
/// reply queue. Any number of calls share that channel; each waits for its own correlation id until
/// its timeout. A reply nobody waits for any more (late, or unknown) is dropped and counted.
/// </summary>
public sealed partial class RpcClient(IConnection connection, TimeProvider timeProvider, ILogger<RpcClient> logger) : IAsyncDisposable
{
    private static readonly Counter<long> DroppedRepliesCounter = MessagingTelemetry.Meter.CreateCounter<long>(
        "mensageria.rpc.client.dropped_replies", description: "Replies that arrived after their call gave up, or for no call at all.");

    private readonly ConcurrentDictionary<string, TaskCompletionSource<RpcReply>> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _channelGate = new(1, 1);
    private IChannel? _channel;
    private long _droppedReplies;

    /// <summary>Replies dropped because no call was waiting for their correlation id.</summary>
    public long DroppedReplies => Interlocked.Read(ref _droppedReplies);

    /// <summary>Calls waiting for their reply right now.</summary>
    public int InFlight => _pending.Count;

    /// <exception cref="RpcTimeoutException">No reply within <paramref name="timeout"/>.</exception>
    /// <exception cref="RpcFailedException">The server answered with a failure.</exception>
    /// <exception cref="PublishFailedException">The broker is unreachable, or refused the request.</exception>
    public async Task<TResponse> CallAsync<TRequest, TResponse>(
        string queue, TRequest request, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType,
        TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        using var activity = MessagingTelemetry.Source.StartActivity($"{queue} call", ActivityKind.Client)
            ?.SetTag("messaging.system", "rabbitmq").SetTag("messaging.destination.name", queue);
        var correlationId = Guid.CreateVersion7().ToString("N");
        var reply = new TaskCompletionSource<RpcReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[correlationId] = reply;

        using var timeoutSource = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            var channel = await GetChannelAsync(linked.Token);
            var properties = new BasicProperties
            {
                MessageId = correlationId,
                CorrelationId = correlationId,
                ReplyTo = RpcHeaders.DirectReplyTo,
                ContentType = "application/json",
                Type = typeof(TRequest).Name,
                Timestamp = new AmqpTimestamp(timeProvider.GetUtcNow().ToUnixTimeSeconds()),
                // Worthless once the caller gave up: the broker drops it rather than a server answering late.
                Expiration = ((long)Math.Ceiling(timeout.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture),
                Headers = new Dictionary<string, object?>(),
            };
            var body = JsonSerializer.SerializeToUtf8Bytes(request, requestType);
            await channel.BasicPublishAsync("", queue, mandatory: true, properties, body, linked.Token);

            var answer = await reply.Task.WaitAsync(linked.Token);
            if (answer.Error is { } error)
            {
                throw new RpcFailedException(queue, error, answer.Unavailable);
            }

            return MessageBody.TryRead<TResponse>(answer.Body, responseType) ?? throw new RpcFailedException(queue, "the reply is not a readable answer", unavailable: false);
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "timeout");
            throw new RpcTimeoutException(queue, timeout);
        }
        catch (PublishException e)
        {
            throw new PublishFailedException(e.IsReturn ? $"No queue '{queue}' to take the request." : "The broker refused the request (nack).", e);
        }
        catch (Exception e) when (e is AlreadyClosedException or OperationInterruptedException or BrokerUnreachableException or IOException)
        {
            throw new PublishFailedException($"The broker is unreachable: {e.Message}", e);
        }
        finally
        {
            _pending.TryRemove(correlationId, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_channel is not null)
        {
            await _channel.DisposeAsync();
        }

        _channelGate.Dispose();
    }

    private async ValueTask<IChannel> GetChannelAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true } open)
        {
            return open;
        }

        if (!connection.IsOpen)
        {
            throw new AlreadyClosedException(connection.CloseReason ?? new ShutdownEventArgs(ShutdownInitiator.Library, 0, "connection is not open"));
        }

        // Direct reply-to answers on the channel that consumes the pseudo-queue and published the request.
        await _channelGate.WaitAsync(cancellationToken);
        try
        {
            if (_channel is not { IsOpen: true })
            {
                if (_channel is { } closed)
                {
                    await closed.DisposeAsync();
                }

                var channel = await connection.CreateChannelAsync(
                    new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
                try
                {
                    var consumer = new AsyncEventingBasicConsumer(channel);
                    consumer.ReceivedAsync += (_, delivery) => OnReplyAsync(delivery);
                    // Replies come only on this channel: once it is gone, no call waiting on it can be answered.
                    channel.ChannelShutdownAsync += (_, shutdown) => FailPendingCalls(shutdown.ReplyText);
                    await channel.BasicConsumeAsync(RpcHeaders.DirectReplyTo, autoAck: true, consumer, cancellationToken);
                }
                catch
                {
                    await channel.DisposeAsync();
                    throw;
                }

                _channel = channel;
            }

            return _channel;
        }
        finally
        {
            _channelGate.Release();
        }
    }

    private Task FailPendingCalls(string reason)
    {
        foreach (var correlationId in _pending.Keys)
        {
            if (_pending.TryRemove(correlationId, out var call))
            {
                call.TrySetException(new PublishFailedException($"The broker connection was lost before the reply came ({reason})."));
            }
        }

        return Task.CompletedTask;
    }

    private Task OnReplyAsync(BasicDeliverEventArgs delivery)
    {
        var correlationId = delivery.BasicProperties.CorrelationId ?? "";
        if (!_pending.TryRemove(correlationId, out var call))
        {
            Interlocked.Increment(ref _droppedReplies);
            DroppedRepliesCounter.Add(1);
            LogDroppedReply(logger, correlationId, delivery.BasicProperties.Type);
            return Task.CompletedTask;
        }

        // The body's memory belongs to the client only until this handler returns.
        call.TrySetResult(new RpcReply(
            delivery.Body.ToArray(), HeaderText(delivery, RpcHeaders.Error), HeaderText(delivery, RpcHeaders.Status) == RpcHeaders.Unavailable));
        return Task.CompletedTask;
    }

    private static string? HeaderText(BasicDeliverEventArgs delivery, string name) =>
        delivery.BasicProperties.Headers?.TryGetValue(name, out var value) == true && value is byte[] bytes
            ? System.Text.Encoding.UTF8.GetString(bytes)
            : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped a reply ({Type}) for correlation id '{CorrelationId}': its call already gave up, or never existed")]
    private static partial void LogDroppedReply(ILogger logger, string correlationId, string? type);

    private sealed record RpcReply(byte[] Body, string? Error, bool Unavailable);
}

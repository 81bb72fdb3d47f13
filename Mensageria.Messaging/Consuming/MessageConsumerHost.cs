using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Mensageria.Messaging.Topology;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Mensageria.Messaging.Consuming;

/// <summary>
/// Consumes one queue with manual acks: a message is acked only after its handler returned (its
/// work is stored), retried here with backoff when the handler throws, then rejected back to the
/// queue, whose delivery limit dead-letters a message that keeps failing while others flow on.
/// Stopping cancels the consumer and lets running handlers finish; what is unacked is redelivered.
/// </summary>
internal sealed partial class MessageConsumerHost<TMessage>(
    IConnection connection,
    IMessageHandler<TMessage> handler,
    ConsumerOptions options,
    JsonTypeInfo<TMessage> typeInfo,
    TimeProvider timeProvider,
    ILogger<MessageConsumerHost<TMessage>> logger) : BackgroundService
{
    private int _inFlight;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            var (channel, tag) = await StartConsumingAsync(stoppingToken);
            // A lost connection is recovered by the client, channel and consumer with it; a channel the
            // broker closed on its own (a channel error) is not, so this subscribes again on a new one.
            var closedByBroker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            channel.ChannelShutdownAsync += (_, shutdown) =>
            {
                if (shutdown.Initiator != ShutdownInitiator.Application && connection.IsOpen)
                {
                    closedByBroker.TrySetResult();
                }

                return Task.CompletedTask;
            };

            try
            {
                await closedByBroker.Task.WaitAsync(stoppingToken);
                LogChannelClosed(logger, options.Queue, channel.CloseReason?.ReplyText);
                await channel.DisposeAsync();
            }
            catch (OperationCanceledException)
            {
                await StopConsumingAsync(channel, tag);
                return;
            }
        }
    }

    /// <summary>Declares the topology and subscribes; while the broker is unreachable, tries again with backoff.</summary>
    private async Task<(IChannel Channel, string Tag)> StartConsumingAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            IChannel? channel = null;
            try
            {
                channel = await connection.CreateChannelAsync(
                    new CreateChannelOptions(false, false, consumerDispatchConcurrency: options.Concurrency), stoppingToken);
                await MessagingTopology.DeclareAsync(channel, stoppingToken);
                await channel.BasicQosAsync(0, options.Prefetch, global: false, stoppingToken);
                var consumer = new AsyncEventingBasicConsumer(channel);
                consumer.ReceivedAsync += (_, delivery) => HandleDeliveryAsync(channel, delivery, stoppingToken);
                var tag = await channel.BasicConsumeAsync(options.Queue, autoAck: false, consumer, stoppingToken);
                LogConsuming(logger, options.Queue, options.Prefetch, options.Concurrency);
                return (channel, tag);
            }
            catch (Exception e) when (e is RabbitMQ.Client.Exceptions.AlreadyClosedException or RabbitMQ.Client.Exceptions.OperationInterruptedException or IOException)
            {
                await DisposeQuietlyAsync(channel);
                var backoff = TimeSpan.FromSeconds(Math.Min(5, attempt));
                LogCannotConsume(logger, options.Queue, e.Message, backoff.TotalSeconds);
                await Task.Delay(backoff, timeProvider, stoppingToken);
            }
        }
    }

    private static async Task DisposeQuietlyAsync(IChannel? channel)
    {
        if (channel is not null)
        {
            try
            {
                await channel.DisposeAsync();
            }
            catch (Exception e) when (e is RabbitMQ.Client.Exceptions.AlreadyClosedException or RabbitMQ.Client.Exceptions.OperationInterruptedException or IOException)
            {
                // Already gone with the connection.
            }
        }
    }

    private async Task HandleDeliveryAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken stoppingToken)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            if (Deserialize(delivery) is not { } message)
            {
                // Cannot be read, so cannot succeed: back to the queue until its delivery limit dead-letters it.
                LogUnreadable(logger, options.Queue, delivery.BasicProperties.MessageId);
                await channel.BasicRejectAsync(delivery.DeliveryTag, requeue: true, CancellationToken.None);
                return;
            }

            var context = new DeliveryContext(
                delivery.BasicProperties.MessageId, delivery.BasicProperties.CorrelationId, delivery.Redelivered, DeliveryCount(delivery));
            for (int failures = 0, pauses = 0; ;)
            {
                try
                {
                    await handler.HandleAsync(message, context, stoppingToken);
                    await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None);
                    return;
                }
                catch (Exception e) when (TransientFailure.Is(e) && !stoppingToken.IsCancellationRequested)
                {
                    // Not the message's fault: wait it out here, without spending its deliveries.
                    var pause = TimeSpan.FromMilliseconds(Math.Min(5000, options.FirstBackoff.TotalMilliseconds * Math.Pow(2, pauses++)));
                    LogWaiting(logger, options.Queue, context.CorrelationId, e.Message, pause.TotalMilliseconds);
                    await Task.Delay(pause, timeProvider, stoppingToken);
                }
                catch (Exception e) when (++failures < options.Attempts && e is not PoisonMessageException && !stoppingToken.IsCancellationRequested)
                {
                    var backoff = options.FirstBackoff * Math.Pow(4, failures - 1);
                    LogRetrying(logger, e, options.Queue, context.CorrelationId, failures, backoff.TotalMilliseconds);
                    await Task.Delay(backoff, timeProvider, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    LogGivingUp(logger, e, options.Queue, context.CorrelationId, failures, context.DeliveryCount, MessagingTopology.DeliveryLimit);
                    await channel.BasicRejectAsync(delivery.DeliveryTag, requeue: true, CancellationToken.None);
                    return;
                }
            }
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: unacked, so the broker delivers it again, here or to another replica.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private TMessage? Deserialize(BasicDeliverEventArgs delivery)
    {
        try
        {
            return JsonSerializer.Deserialize(delivery.Body.Span, typeInfo);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static long DeliveryCount(BasicDeliverEventArgs delivery) =>
        delivery.BasicProperties.Headers?.TryGetValue("x-delivery-count", out var count) == true && count is IConvertible value
            ? value.ToInt64(System.Globalization.CultureInfo.InvariantCulture)
            : 0;

    private async Task StopConsumingAsync(IChannel channel, string tag)
    {
        try
        {
            await channel.BasicCancelAsync(tag, noWait: false, CancellationToken.None);
            var deadline = timeProvider.GetUtcNow().AddSeconds(5);
            while (Volatile.Read(ref _inFlight) > 0 && timeProvider.GetUtcNow() < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), timeProvider, CancellationToken.None);
            }

            await channel.CloseAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is RabbitMQ.Client.Exceptions.AlreadyClosedException or RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            // The broker is gone: what was unacked goes back to the queue by itself.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Consuming {Queue} (prefetch {Prefetch}, {Concurrency} at a time)")]
    private static partial void LogConsuming(ILogger logger, string queue, ushort prefetch, ushort concurrency);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Queue}: the broker closed the consumer's channel ({Reason}); subscribing again")]
    private static partial void LogChannelClosed(ILogger logger, string queue, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot consume {Queue} yet ({Reason}); trying again in {Seconds} s")]
    private static partial void LogCannotConsume(ILogger logger, string queue, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Queue}: message {MessageId} is not a readable message; rejected")]
    private static partial void LogUnreadable(ILogger logger, string queue, string? messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Queue}: order {OrderId} waits ({Reason}); trying again in {PauseMs} ms")]
    private static partial void LogWaiting(ILogger logger, string queue, string? orderId, string reason, double pauseMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Queue}: order {OrderId} failed on attempt {Attempt}; retrying in {BackoffMs} ms")]
    private static partial void LogRetrying(ILogger logger, Exception exception, string queue, string? orderId, int attempt, double backoffMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Queue}: order {OrderId} failed {Attempts} times; back to the queue, returned {Returns} times before (it is dead-lettered once returned more than {Limit} times)")]
    private static partial void LogGivingUp(ILogger logger, Exception exception, string queue, string? orderId, int attempts, long returns, int limit);
}

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Mensageria.Messaging.Contracts;
using Mensageria.Messaging.Topology;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Mensageria.Messaging.Consuming;

/// <summary>
/// Handles one delivery and settles it: acked only after its handler returned (its work is stored);
/// a transient failure is waited out in place without spending the message's deliveries; any other
/// failure is retried with backoff, then the message is rejected back to the queue, whose delivery
/// limit dead-letters a message that keeps failing while the others flow on.
/// </summary>
internal sealed partial class DeliveryProcessor<TMessage>(
    IMessageHandler<TMessage> handler,
    ConsumerOptions options,
    JsonTypeInfo<TMessage> typeInfo,
    TimeProvider timeProvider,
    ILogger<DeliveryProcessor<TMessage>> logger) : IDeliveryProcessor
{
    private int _inFlight;

    public int InFlight => Volatile.Read(ref _inFlight);

    public async Task ProcessAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken stoppingToken)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            if (MessageBody.TryRead(delivery.Body.Span, typeInfo) is not { } message)
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
                    // Not the message's fault: wait it out here, without spending its deliveries. A message whose turn has
                    // not come says how soon to look again (an order a moment before its API recorded the confirm: often).
                    var first = e is RetryLaterException later ? later.FirstPause : options.FirstBackoff;
                    var pause = TimeSpan.FromMilliseconds(Math.Min(5000, first.TotalMilliseconds * Math.Pow(2, pauses++)));
                    if (e is RetryLaterException)
                    {
                        LogNotYet(logger, options.Queue, context.CorrelationId, e.Message, pause.TotalMilliseconds);
                    }
                    else
                    {
                        LogWaiting(logger, options.Queue, context.CorrelationId, TransientFailure.Reason(e), pause.TotalMilliseconds);
                    }

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

    private static long DeliveryCount(BasicDeliverEventArgs delivery) =>
        delivery.BasicProperties.Headers?.TryGetValue("x-delivery-count", out var count) == true && count is IConvertible value
            ? value.ToInt64(System.Globalization.CultureInfo.InvariantCulture)
            : 0;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Queue}: message {MessageId} is not a readable message; rejected")]
    private static partial void LogUnreadable(ILogger logger, string queue, string? messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Queue}: order {OrderId} waits ({Reason}); trying again in {PauseMs} ms")]
    private static partial void LogWaiting(ILogger logger, string queue, string? orderId, string reason, double pauseMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Queue}: order {OrderId} not yet ({Reason}); looking again in {PauseMs} ms")]
    private static partial void LogNotYet(ILogger logger, string queue, string? orderId, string reason, double pauseMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Queue}: order {OrderId} failed on attempt {Attempt}; retrying in {BackoffMs} ms")]
    private static partial void LogRetrying(ILogger logger, Exception exception, string queue, string? orderId, int attempt, double backoffMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Queue}: order {OrderId} failed {Attempts} times; back to the queue, returned {Returns} times before (it is dead-lettered once returned more than {Limit} times)")]
    private static partial void LogGivingUp(ILogger logger, Exception exception, string queue, string? orderId, int attempts, long returns, int limit);
}

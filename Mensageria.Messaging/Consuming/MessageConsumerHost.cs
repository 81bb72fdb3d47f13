using Mensageria.Messaging.Topology;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Mensageria.Messaging.Consuming;

/// <summary>
/// Keeps one queue subscribed with manual acks, the given prefetch and handler concurrency, and hands
/// each delivery to its <see cref="IDeliveryProcessor"/>. Subscribes again when the broker
/// closes the channel; stopping cancels the consumer and waits briefly for running handlers;
/// whatever is unacked then is redelivered.
/// </summary>
internal sealed partial class MessageConsumerHost<TMessage>(
    IConnection connection,
    IDeliveryProcessor processor,
    ConsumerOptions options,
    TimeProvider timeProvider,
    ILogger<MessageConsumerHost<TMessage>> logger) : BackgroundService
{
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
            if (!channel.IsOpen && connection.IsOpen)
            {
                // Closed between subscribing and the handler above: subscribe again all the same.
                closedByBroker.TrySetResult();
            }

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
                await MessagingTopology.DeclareAsync(connection, stoppingToken);
                channel = await connection.CreateChannelAsync(
                    new CreateChannelOptions(false, false, consumerDispatchConcurrency: options.Concurrency), stoppingToken);
                await channel.BasicQosAsync(0, options.Prefetch, global: false, stoppingToken);
                var consumer = new AsyncEventingBasicConsumer(channel);
                consumer.ReceivedAsync += (_, delivery) => processor.ProcessAsync(channel, delivery, stoppingToken);
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

    private async Task StopConsumingAsync(IChannel channel, string tag)
    {
        try
        {
            await channel.BasicCancelAsync(tag, noWait: false, CancellationToken.None);
            var deadline = timeProvider.GetUtcNow().AddSeconds(5);
            while (processor.InFlight > 0 && timeProvider.GetUtcNow() < deadline)
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

}

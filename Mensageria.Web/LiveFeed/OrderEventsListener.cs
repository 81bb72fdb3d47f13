using System.Diagnostics;
using System.Text.Json;
using Mensageria.Messaging;
using Mensageria.Messaging.Contracts;
using Mensageria.Messaging.Topology;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Mensageria.Web.LiveFeed;

/// <summary>
/// Binds this web replica's own exclusive queue to <c>order-events</c> (every status), so each
/// replica receives every event, and hands them to the <see cref="OrderEventHub"/>. The web is not
/// ready until it listens, so no event of a just-started app is missed.
/// </summary>
public sealed partial class OrderEventsListener(IConnection broker, OrderEventHub hub, TimeProvider timeProvider, ILogger<OrderEventsListener> logger)
    : StartupStep(timeProvider, logger)
{
    /// <summary>How many browsers an event went to, on the span of its delivery.</summary>
    private const string FeedClientsTag = "mensageria.feed.clients";

    protected override string PendingDescription => "Not listening to order-events yet.";

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await MessagingTopology.DeclareAsync(broker, cancellationToken);
        var channel = await broker.CreateChannelAsync(cancellationToken: cancellationToken);
        var queue = (await channel.QueueDeclareAsync(exclusive: true, cancellationToken: cancellationToken)).QueueName;
        await channel.QueueBindAsync(queue, MessagingTopology.OrderEventsExchange, "order.*", cancellationToken: cancellationToken);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) => OnEventAsync(delivery);
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer, cancellationToken);
        LogListening(logger, queue);
    }

    private Task OnEventAsync(BasicDeliverEventArgs delivery)
    {
        try
        {
            if (JsonSerializer.Deserialize(delivery.Body.Span, MessagingJsonContext.Default.OrderStatusChanged) is { OrderId.Length: > 0 } change)
            {
                // The delivery's span covers the fan-out: it carries the order and the audience, no span of its own.
                MessagingTelemetry.TagOrder(change.OrderId);
                Activity.Current?.SetTag(FeedClientsTag, hub.ClientCount);
                hub.Publish(OrderFeedMessage.From(change));
            }
        }
        catch (JsonException)
        {
            LogUnreadable(logger, delivery.BasicProperties.MessageId);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening to order events on {Queue}")]
    private static partial void LogListening(ILogger logger, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An order event {MessageId} is not readable; skipped")]
    private static partial void LogUnreadable(ILogger logger, string? messageId);
}

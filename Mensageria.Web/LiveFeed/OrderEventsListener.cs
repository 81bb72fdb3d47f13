using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Mensageria.Messaging;
using Mensageria.Messaging.Contracts;
using Mensageria.Messaging.Topology;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Mensageria.Web.LiveFeed;

/// <summary>
/// Binds this web replica's own exclusive queue to <c>order-events</c> (every status), so each
/// replica receives every event, and hands them to the <see cref="OrderEventHub"/>. Also a health
/// check: the web is not ready until it listens, so no event of a just-started app is missed.
/// </summary>
public sealed partial class OrderEventsListener(IConnection broker, OrderEventHub hub, TimeProvider timeProvider, ILogger<OrderEventsListener> logger)
    : BackgroundService, IHealthCheck
{
    private volatile bool _listening;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_listening ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Not listening to order-events yet."));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var channel = await broker.CreateChannelAsync(cancellationToken: stoppingToken);
                await MessagingTopology.DeclareAsync(channel, stoppingToken);
                var queue = (await channel.QueueDeclareAsync(exclusive: true, cancellationToken: stoppingToken)).QueueName;
                await channel.QueueBindAsync(queue, MessagingTopology.OrderEventsExchange, "order.*", cancellationToken: stoppingToken);
                var consumer = new AsyncEventingBasicConsumer(channel);
                consumer.ReceivedAsync += (_, delivery) => OnEventAsync(delivery);
                await channel.BasicConsumeAsync(queue, autoAck: true, consumer, stoppingToken);
                _listening = true;
                LogListening(logger, queue);
                return;
            }
            catch (Exception e) when (Messaging.Consuming.TransientFailure.Is(e))
            {
                LogRetrying(logger, e.Message, attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(5, attempt)), timeProvider, stoppingToken);
            }
        }
    }

    private Task OnEventAsync(BasicDeliverEventArgs delivery)
    {
        try
        {
            if (JsonSerializer.Deserialize(delivery.Body.Span, MessagingJsonContext.Default.OrderStatusChanged) is { OrderId.Length: > 0 } change)
            {
                MessagingTelemetry.TagOrder(change.OrderId);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot listen to order events yet ({Reason}); attempt {Attempt}")]
    private static partial void LogRetrying(ILogger logger, string reason, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An order event {MessageId} is not readable; skipped")]
    private static partial void LogUnreadable(ILogger logger, string? messageId);
}

using RabbitMQ.Client;

namespace Mensageria.Messaging.Topology;

/// <summary>
/// The exchanges and queues of design §5, declared idempotently by whoever uses them: the same
/// arguments every time, so a second declaration is a no-op rather than a PRECONDITION_FAILED.
/// </summary>
public static class MessagingTopology
{
    public const string OrdersExchange = "orders";
    public const string OrdersQueue = "orders.placed";
    public const string OrderPlacedRoutingKey = "order.placed";
    public const string DeadLetterExchange = "orders.dead-letter";
    public const string DeadLetterQueue = "orders.dead-letter";
    public const string OrderEventsExchange = "order-events";

    /// <summary>Quote requests, answered by any worker replica through direct reply-to.</summary>
    public const string QuotesQueue = "inventory.quotes";

    /// <summary>Deliveries of one message before the quorum queue dead-letters it instead of delivering it again.</summary>
    public const int DeliveryLimit = 5;

    public static string StatusRoutingKey(Contracts.OrderStatus status) => $"order.{status.ToString().ToLowerInvariant()}";

    /// <summary>The message id of an order's status event: the same for a repeat, so a listener can drop duplicates.</summary>
    public static string StatusEventId(string orderId, Contracts.OrderStatus status) => $"{orderId}-{status.ToString().ToLowerInvariant()}";

    public static async Task DeclareAsync(IChannel channel, CancellationToken cancellationToken)
    {
        await channel.ExchangeDeclareAsync(DeadLetterExchange, ExchangeType.Fanout, durable: true, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(DeadLetterQueue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(DeadLetterQueue, DeadLetterExchange, "", cancellationToken: cancellationToken);

        await channel.ExchangeDeclareAsync(OrdersExchange, ExchangeType.Direct, durable: true, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(OrdersQueue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?>
            {
                ["x-queue-type"] = "quorum",
                ["x-delivery-limit"] = DeliveryLimit,
                ["x-dead-letter-exchange"] = DeadLetterExchange,
            },
            cancellationToken: cancellationToken);
        await channel.QueueBindAsync(OrdersQueue, OrdersExchange, OrderPlacedRoutingKey, cancellationToken: cancellationToken);

        await channel.ExchangeDeclareAsync(OrderEventsExchange, ExchangeType.Topic, durable: true, cancellationToken: cancellationToken);

        // Classic: a quote is worth nothing after its caller's timeout (requests carry it as their
        // expiration), so it needs neither replication nor a delivery limit, only a quick answer.
        await channel.QueueDeclareAsync(QuotesQueue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "classic" }, cancellationToken: cancellationToken);
    }
}

using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

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

    /// <summary>Declares every exchange and queue on a channel of its own, closed after.</summary>
    public static async Task DeclareAsync(IConnection connection, CancellationToken cancellationToken)
    {
        await using (var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken))
        {
            await DeclareOrdersAsync(channel, cancellationToken);
            try
            {
                await DeclareQuotesAsync(channel, cancellationToken);
                return;
            }
            catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == Constants.PreconditionFailed)
            {
                // A broker from before quotes were replicated holds a classic queue, which a node's loss would take
                // with it. Its requests are worth nothing past their callers' timeouts of seconds: replace it.
            }
        }

        await using var replacing = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await replacing.QueueDeleteAsync(QuotesQueue, ifUnused: false, ifEmpty: false, cancellationToken: cancellationToken);
        await DeclareQuotesAsync(replacing, cancellationToken);
    }

    private static async Task DeclareOrdersAsync(IChannel channel, CancellationToken cancellationToken)
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
    }

    // Quorum, like the orders' queue, so that quotes go on while a majority of a cluster's nodes runs (a classic
    // queue lives on one node). A request carries its caller's timeout as its expiration, and expires in the queue.
    private static Task<QueueDeclareOk> DeclareQuotesAsync(IChannel channel, CancellationToken cancellationToken) =>
        channel.QueueDeclareAsync(QuotesQueue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: cancellationToken);
}

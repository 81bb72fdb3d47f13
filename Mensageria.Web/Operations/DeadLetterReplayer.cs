using Mensageria.Messaging.Topology;
using RabbitMQ.Client;

namespace Mensageria.Web.Operations;

/// <summary>
/// Moves dead letters back to the order queue, one at a time: each is republished with a publisher
/// confirm before it is acked on the dead-letter queue, so a replay that fails midway loses nothing
/// (at worst one message is in both queues, and processing it is idempotent).
/// </summary>
public sealed partial class DeadLetterReplayer(IConnection broker, ILogger<DeadLetterReplayer> logger)
{
    /// <summary>At most this many per call, so one click cannot run forever on a queue that keeps filling.</summary>
    public const int MaxPerReplay = 10_000;

    public async Task<int> ReplayAsync(CancellationToken cancellationToken)
    {
        await using var channel = await broker.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var replayed = 0;
        while (replayed < MaxPerReplay && await channel.BasicGetAsync(MessagingTopology.DeadLetterQueue, autoAck: false, cancellationToken) is { } letter)
        {
            var properties = new BasicProperties(letter.BasicProperties)
            {
                // A fresh start: the death record stays with the dead letter, not with the replayed order.
                Headers = letter.BasicProperties.Headers?.Where(h => h.Key is not ("x-death" or "x-first-death-exchange" or "x-first-death-queue" or "x-first-death-reason" or "x-last-death-exchange" or "x-last-death-queue" or "x-last-death-reason"))
                    .ToDictionary(h => h.Key, h => h.Value),
            };
            await channel.BasicPublishAsync(MessagingTopology.OrdersExchange, MessagingTopology.OrderPlacedRoutingKey, mandatory: true, properties, letter.Body, cancellationToken);
            await channel.BasicAckAsync(letter.DeliveryTag, multiple: false, cancellationToken);
            replayed++;
        }

        LogReplayed(logger, replayed);
        return replayed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed {Count} dead letters to the order queue")]
    private static partial void LogReplayed(ILogger logger, int count);
}

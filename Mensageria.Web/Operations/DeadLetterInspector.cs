using System.Text;
using System.Text.Json;
using Mensageria.Messaging.Contracts;
using Mensageria.Messaging.Topology;
using RabbitMQ.Client;

namespace Mensageria.Web.Operations;

/// <summary>
/// Lists the oldest dead letters without removing them: each is taken unacked, read, and all are
/// handed back to the queue together, in their order, when the peek ends.
/// </summary>
public sealed class DeadLetterInspector(IConnection broker)
{
    public const int MaxPerList = 100;

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var channel = await broker.CreateChannelAsync(cancellationToken: cancellationToken);
        var letters = new List<DeadLetter>();
        ulong lastTag = 0;
        while (letters.Count < limit && await channel.BasicGetAsync(MessagingTopology.DeadLetterQueue, autoAck: false, cancellationToken) is { } letter)
        {
            lastTag = letter.DeliveryTag;
            letters.Add(Describe(letter.BasicProperties, letter.Body.Span));
        }

        if (lastTag > 0)
        {
            await channel.BasicNackAsync(lastTag, multiple: true, requeue: true, CancellationToken.None);
        }

        return letters;
    }

    private static DeadLetter Describe(IReadOnlyBasicProperties properties, ReadOnlySpan<byte> body)
    {
        var headers = properties.Headers ?? new Dictionary<string, object?>();
        var deaths = headers.TryGetValue("x-death", out var value) && value is IList<object?> list ? list.OfType<IDictionary<string, object?>>().ToList() : [];
        var first = deaths.LastOrDefault();
        // A poison message is listed all the same, with what its headers say.
        var order = MessageBody.TryRead(body, MessagingJsonContext.Default.OrderPlaced);
        return new DeadLetter(
            properties.CorrelationId,
            properties.MessageId,
            Text(headers, "x-first-death-reason") ?? Text(first, "reason"),
            Text(headers, "x-first-death-queue") ?? Text(first, "queue"),
            deaths.Sum(d => d.TryGetValue("count", out var count) && count is long n ? n : 1),
            first?.TryGetValue("time", out var time) == true && time is AmqpTimestamp at ? DateTimeOffset.FromUnixTimeSeconds(at.UnixTime) : null,
            order?.CustomerId,
            order?.Lines?.Count ?? 0);
    }

    private static string? Text(IDictionary<string, object?>? table, string key) =>
        table?.TryGetValue(key, out var value) == true && value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : null;
}

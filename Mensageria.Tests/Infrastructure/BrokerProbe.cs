using Mensageria.Messaging.Topology;
using RabbitMQ.Client;

namespace Mensageria.Tests.Infrastructure;

/// <summary>A test's own connection to the app's broker: queue depths, raw publishes, dead letters.</summary>
internal sealed class BrokerProbe : IAsyncDisposable
{
    private BrokerProbe(IConnection connection, IChannel channel) => (Connection, Channel) = (connection, channel);

    public IConnection Connection { get; }

    public IChannel Channel { get; }

    public static async Task<BrokerProbe> ConnectAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(await app.GetRequiredConnectionStringAsync("messaging", cancellationToken)) };
        var connection = await factory.CreateConnectionAsync("mensageria-tests", cancellationToken);
        return new BrokerProbe(connection, await connection.CreateChannelAsync(cancellationToken: cancellationToken));
    }

    /// <summary>Messages ready in a queue (not those delivered and unacked).</summary>
    public async Task<uint> ReadyAsync(string queue, CancellationToken cancellationToken) =>
        (await Channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;

    /// <summary>Waits until no message is ready in a queue: its consumers hold them all, unacknowledged.</summary>
    public async Task WaitUntilTakenAsync(string queue, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (await ReadyAsync(queue, cancellationToken) > 0)
        {
            Assert.True(deadline.Elapsed < timeout, $"the consumers of {queue} never took its messages");
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Dead-letters the next order waiting in the order queue by hand, as its delivery limit would.</summary>
    public async Task DeadLetterNextOrderAsync(CancellationToken cancellationToken)
    {
        var message = await Channel.BasicGetAsync(MessagingTopology.OrdersQueue, autoAck: false, cancellationToken)
            ?? throw new InvalidOperationException("No order is waiting in the order queue.");
        // Rejected without requeue: the broker dead-letters it itself, with its x-death record.
        await Channel.BasicRejectAsync(message.DeliveryTag, requeue: false, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Channel.DisposeAsync();
        await Connection.DisposeAsync();
    }
}

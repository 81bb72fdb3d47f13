using System.Threading.Channels;

namespace Mensageria.Web.LiveFeed;

/// <summary>
/// Fans every order event out to the connected feed clients. Each client has a bounded buffer: a
/// client too slow to keep up loses its oldest messages, never slows the others down, and can
/// reconnect with <c>since</c> to catch up.
/// </summary>
public sealed class OrderEventHub
{
    private const int BufferPerClient = 1000;
    private readonly Lock _gate = new();
    private readonly HashSet<Channel<OrderFeedMessage>> _clients = [];

    public int ClientCount
    {
        get
        {
            lock (_gate)
            {
                return _clients.Count;
            }
        }
    }

    public void Publish(OrderFeedMessage message)
    {
        lock (_gate)
        {
            foreach (var client in _clients)
            {
                client.Writer.TryWrite(message);
            }
        }
    }

    /// <summary>Everything published from now on, until the subscription is disposed.</summary>
    public Subscription Subscribe()
    {
        var channel = Channel.CreateBounded<OrderFeedMessage>(
            new BoundedChannelOptions(BufferPerClient) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_gate)
        {
            _clients.Add(channel);
        }

        return new Subscription(this, channel);
    }

    public sealed class Subscription(OrderEventHub hub, Channel<OrderFeedMessage> channel) : IDisposable
    {
        public ChannelReader<OrderFeedMessage> Reader => channel.Reader;

        public void Dispose()
        {
            lock (hub._gate)
            {
                hub._clients.Remove(channel);
            }
        }
    }
}

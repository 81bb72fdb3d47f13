using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Mensageria.Benchmarks.Apps;
using Mensageria.Messaging.Contracts;
using Mensageria.Messaging.Topology;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Mensageria.Benchmarks.Load;

/// <summary>
/// Notes when each order's final event (Completed or Rejected) reaches the broker's far side: from
/// <c>order-events</c> for Mensageria, from MassTransit's message-type exchange for the peer.
/// </summary>
public sealed class CompletionListener : IAsyncDisposable
{
    /// <summary>The exchange MassTransit publishes <c>OrderStatusChanged</c> to, named after the message type.</summary>
    public const string MassTransitExchange = "Mensageria.Messaging.Contracts:OrderStatusChanged";

    private readonly ConcurrentDictionary<string, long> _finished = new(StringComparer.Ordinal);
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private CompletionListener(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public int Count => _finished.Count;

    public static async Task<CompletionListener> StartAsync(string connectionString, BenchmarkSystem system, CancellationToken cancellationToken)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync("bench-completions", cancellationToken);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var listener = new CompletionListener(connection, channel);
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken)).QueueName;
        if (system == BenchmarkSystem.Mensageria)
        {
            await channel.ExchangeDeclareAsync(MessagingTopology.OrderEventsExchange, ExchangeType.Topic, durable: true, cancellationToken: cancellationToken);
            await channel.QueueBindAsync(queue, MessagingTopology.OrderEventsExchange, "order.completed", cancellationToken: cancellationToken);
            await channel.QueueBindAsync(queue, MessagingTopology.OrderEventsExchange, "order.rejected", cancellationToken: cancellationToken);
        }
        else
        {
            await channel.ExchangeDeclareAsync(MassTransitExchange, ExchangeType.Fanout, durable: true, cancellationToken: cancellationToken);
            await channel.QueueBindAsync(queue, MassTransitExchange, "", cancellationToken: cancellationToken);
        }

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            listener.Note(delivery.Body.Span, system, Stopwatch.GetTimestamp());
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer, cancellationToken);
        return listener;
    }

    public bool TryGetFinished(string orderId, out long timestamp) => _finished.TryGetValue(orderId, out timestamp);

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private void Note(ReadOnlySpan<byte> body, BenchmarkSystem system, long timestamp)
    {
        using var document = JsonDocument.Parse(body.ToArray());
        // MassTransit wraps the message in an envelope; Mensageria sends it as it is.
        var change = system == BenchmarkSystem.MassTransit ? document.RootElement.GetProperty("message") : document.RootElement;
        var status = change.GetProperty("status");
        var reached = status.ValueKind == JsonValueKind.String ? Enum.Parse<OrderStatus>(status.GetString()!) : (OrderStatus)status.GetInt32();
        if (reached is OrderStatus.Completed or OrderStatus.Rejected)
        {
            _finished.TryAdd(change.GetProperty("orderId").GetString()!, timestamp);
        }
    }
}

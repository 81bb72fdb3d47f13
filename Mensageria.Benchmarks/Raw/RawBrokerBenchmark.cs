using System.Diagnostics;
using System.Text.Json;
using Mensageria.Benchmarks.Results;
using Mensageria.Messaging.Contracts;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Mensageria.Benchmarks.Raw;

/// <summary>
/// The broker's own limit for this workload: RabbitMQ.Client alone publishes persistent messages of an
/// order's size into a quorum queue with confirms (256 in flight) while another connection consumes
/// them with manual acks, each acked on its own. Latency is from the publish to the consume.
/// </summary>
public static class RawBrokerBenchmark
{
    public const int InFlight = 256;
    public const ushort Prefetch = 256;

    public static async Task<PhaseResult> RunAsync(string connectionString, TimeSpan duration, Progress progress, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(connectionString) };
        await using var publishing = await factory.CreateConnectionAsync("bench-raw-publisher", cancellationToken);
        await using var consuming = await factory.CreateConnectionAsync("bench-raw-consumer", cancellationToken);
        await using var publisher = await publishing.CreateChannelAsync(new CreateChannelOptions(true, true), cancellationToken);
        await using var consumer = await consuming.CreateChannelAsync(cancellationToken: cancellationToken);
        var queue = $"bench.raw.{Guid.NewGuid():N}";
        await publisher.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: cancellationToken);

        var latencies = new List<double>();
        long consumed = 0, lastConsumed = 0;
        await consumer.BasicQosAsync(0, Prefetch, global: false, cancellationToken);
        var subscriber = new AsyncEventingBasicConsumer(consumer);
        subscriber.ReceivedAsync += async (_, delivery) =>
        {
            var now = Stopwatch.GetTimestamp();
            if (delivery.BasicProperties.Headers?["sent"] is long sent)
            {
                lock (latencies)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(sent, now).TotalMilliseconds);
                }
            }

            Interlocked.Increment(ref consumed);
            Volatile.Write(ref lastConsumed, now);
            await consumer.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        };
        await consumer.BasicConsumeAsync(queue, autoAck: false, subscriber, cancellationToken);

        var body = JsonSerializer.SerializeToUtf8Bytes(
            new OrderPlaced(Guid.NewGuid().ToString("N"), "bench-raw", [new OrderLine("ESP-001", 1), new OrderLine("TEA-002", 2)], DateTimeOffset.UtcNow),
            MessagingJsonContext.Default.OrderPlaced);
        long published = 0, errors = 0;
        using var slots = new SemaphoreSlim(InFlight);
        var start = Stopwatch.GetTimestamp();
        await using (progress.Every(duration, "raw", () => $"{Interlocked.Read(ref published):N0} published, {Interlocked.Read(ref consumed):N0} consumed"))
        {
            while (Stopwatch.GetElapsedTime(start) < duration)
            {
                await slots.WaitAsync(cancellationToken);
                _ = PublishAsync();
            }

            for (var i = 0; i < InFlight; i++)
            {
                await slots.WaitAsync(cancellationToken);
            }
        }

        var loadSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var drainDeadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 30;
        while (Interlocked.Read(ref consumed) < published && Stopwatch.GetTimestamp() < drainDeadline)
        {
            await Task.Delay(50, cancellationToken);
        }

        await publisher.QueueDeleteAsync(queue, cancellationToken: cancellationToken);
        var consumedSeconds = Stopwatch.GetElapsedTime(start, Volatile.Read(ref lastConsumed)).TotalSeconds;
        lock (latencies)
        {
            return new PhaseResult("raw", "RabbitMQ.Client", 1, false, $"{InFlight} publishes in flight", loadSeconds, published, consumed, errors,
                published / loadSeconds, consumed / consumedSeconds, LatencySummary.From(latencies));
        }

        async Task PublishAsync()
        {
            try
            {
                var properties = new BasicProperties { Persistent = true, ContentType = "application/json", Headers = new Dictionary<string, object?> { ["sent"] = Stopwatch.GetTimestamp() } };
                await publisher.BasicPublishAsync("", queue, mandatory: true, properties, body, cancellationToken);
                Interlocked.Increment(ref published);
            }
            catch (Exception e) when (e is PublishException or OperationCanceledException or AlreadyClosedException)
            {
                Interlocked.Increment(ref errors);
            }
            finally
            {
                slots.Release();
            }
        }
    }
}

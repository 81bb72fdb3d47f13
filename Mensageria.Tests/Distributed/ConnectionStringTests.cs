using System.Diagnostics;
using System.Text;
using Mensageria.ServiceDefaults.Redis.Tracing;
using Mensageria.Tests.Infrastructure;
using RabbitMQ.Client;
using StackExchange.Redis;

namespace Mensageria.Tests.Distributed;

[Collection(SharedAppDefinition.Name)]
public sealed class ConnectionStringTests(AppHostFixture fixture)
{
    [Fact]
    public async Task The_broker_connection_string_works_with_RabbitMQ_Client()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var factory = new ConnectionFactory { Uri = new Uri(await fixture.App.GetRequiredConnectionStringAsync("messaging", cancellationToken)) };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var queue = await channel.QueueDeclareAsync(exclusive: true, cancellationToken: cancellationToken);

        await channel.BasicPublishAsync("", queue.QueueName, Encoding.UTF8.GetBytes("hello"), cancellationToken);
        var message = await WaitForMessageAsync(channel, queue.QueueName, cancellationToken);

        Assert.Equal("hello", Encoding.UTF8.GetString(message.Body.Span));
    }

    [Fact]
    public async Task The_redis_connection_string_works_with_StackExchange_Redis()
    {
        var connectionString = await fixture.App.GetRequiredConnectionStringAsync("cache", TestContext.Current.CancellationToken);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(connectionString);
        var key = $"test:{Guid.NewGuid():N}";

        await redis.GetDatabase().StringSetAsync(key, "value", TimeSpan.FromMinutes(1));

        Assert.Equal("value", (string?)await redis.GetDatabase().StringGetAsync(key));
    }

    [Fact]
    public async Task Redis_commands_become_client_spans_under_the_current_activity()
    {
        using var parentSource = new ActivitySource("Mensageria.Tests.Parent");
        using var redisSource = new ActivitySource("Mensageria.Tests.Redis");
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s == parentSource || s == redisSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var connectionString = await fixture.App.GetRequiredConnectionStringAsync("cache", TestContext.Current.CancellationToken);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(connectionString);
        var tracer = new RedisCommandTracer(redisSource);
        tracer.Instrument(redis);

        var parent = parentSource.StartActivity("place order")!.SetBaggage("mensageria.order.id", "order-7");
        await redis.GetDatabase().StringSetAsync("test:span", "1", TimeSpan.FromMinutes(1));
        await redis.GetDatabase().StringGetAsync("test:span");
        parent.Stop();
        tracer.Flush(parent);

        var commands = spans.Where(s => s.Source == redisSource).ToList();
        Assert.Equal(["SETEX", "GET"], commands.Select(s => s.DisplayName));
        Assert.All(commands, span =>
        {
            Assert.Equal(parent.SpanId, span.ParentSpanId);
            Assert.Equal(ActivityKind.Client, span.Kind);
            Assert.Equal("redis", span.GetTagItem("db.system.name"));
            Assert.Equal("order-7", span.GetTagItem("mensageria.order.id"));
            Assert.Equal(RedisPort(connectionString), Convert.ToInt32(span.GetTagItem("server.port"), System.Globalization.CultureInfo.InvariantCulture));
            Assert.InRange(span.StartTimeUtc, parent.StartTimeUtc, parent.StartTimeUtc + parent.Duration);
        });
    }

    private static int RedisPort(string connectionString) =>
        int.Parse(connectionString.Split(',')[0].Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<BasicGetResult> WaitForMessageAsync(IChannel channel, string queue, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await channel.BasicGetAsync(queue, autoAck: true, cancellationToken) is { } message)
            {
                return message;
            }

            await Task.Delay(20, cancellationToken);
        }
    }
}

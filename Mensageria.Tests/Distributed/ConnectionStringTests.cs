using System.Text;
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

using System.Net;
using System.Text.Json;
using Mensageria.Messaging.Orders;
using Mensageria.Messaging.Topology;
using Mensageria.Tests.Infrastructure;
using RabbitMQ.Client;
using StackExchange.Redis;

namespace Mensageria.Tests.Pipeline;

[Collection(SharedAppDefinition.Name)]
public sealed class OrderInputTests(AppHostFixture fixture)
{
    public static TheoryData<string, string?, string, HttpStatusCode, string> BadRequests => new()
    {
        { "malformed JSON", "{\"customerId\": \"c\", \"lines\": [", "application/json", HttpStatusCode.BadRequest, "body" },
        { "missing body", null, "application/json", HttpStatusCode.BadRequest, "body" },
        { "a JSON array", "[]", "application/json", HttpStatusCode.BadRequest, "body" },
        { "quantity as text", """{"customerId":"c","lines":[{"sku":"ESP-001","quantity":"two"}]}""", "application/json", HttpStatusCode.BadRequest, "lines[0].quantity" },
        { "zero quantity", """{"customerId":"c","lines":[{"sku":"ESP-001","quantity":0}]}""", "application/json", HttpStatusCode.BadRequest, "lines[0].quantity" },
        { "negative quantity", """{"customerId":"c","lines":[{"sku":"ESP-001","quantity":-5}]}""", "application/json", HttpStatusCode.BadRequest, "lines[0].quantity" },
        { "huge quantity", """{"customerId":"c","lines":[{"sku":"ESP-001","quantity":1001}]}""", "application/json", HttpStatusCode.BadRequest, "lines[0].quantity" },
        { "quantity beyond int", """{"customerId":"c","lines":[{"sku":"ESP-001","quantity":99999999999}]}""", "application/json", HttpStatusCode.BadRequest, "lines[0].quantity" },
        { "unknown SKU", """{"customerId":"c","lines":[{"sku":"NOPE-1","quantity":1}]}""", "application/json", HttpStatusCode.BadRequest, "lines[0].sku" },
        { "no lines", """{"customerId":"c","lines":[]}""", "application/json", HttpStatusCode.BadRequest, "lines" },
        { "too many lines", $$"""{"customerId":"c","lines":[{{string.Join(',', Enumerable.Repeat("""{"sku":"ESP-001","quantity":1}""", 51))}}]}""", "application/json", HttpStatusCode.BadRequest, "lines" },
        { "no customer", """{"lines":[{"sku":"ESP-001","quantity":1}]}""", "application/json", HttpStatusCode.BadRequest, "customerId" },
        { "customer id too long", $$"""{"customerId":"{{new string('c', 65)}}","lines":[{"sku":"ESP-001","quantity":1}]}""", "application/json", HttpStatusCode.BadRequest, "customerId" },
        { "oversized body", $$"""{"customerId":"c","pad":"{{new string('x', 70_000)}}","lines":[{"sku":"ESP-001","quantity":1}]}""", "application/json", HttpStatusCode.RequestEntityTooLarge, "" },
        { "wrong content type", """{"customerId":"c","lines":[{"sku":"ESP-001","quantity":1}]}""", "text/plain", HttpStatusCode.UnsupportedMediaType, "" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_gets_the_right_4xx_problem_and_stores_and_publishes_nothing(
        string description, string? body, string contentType, HttpStatusCode expected, string field)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var orders = OrdersClient.For(fixture.App);
        await using var broker = await BrokerProbe.ConnectAsync(fixture.App, cancellationToken);
        var accepted = await BindAcceptedEventsAsync(broker.Channel, cancellationToken);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(await fixture.App.GetRequiredConnectionStringAsync("cache", cancellationToken));
        var storedBefore = await redis.GetDatabase().SortedSetLengthAsync(RedisKeys.RecentOrders);

        using var response = await orders.PostRawAsync(body, contentType: contentType, cancellationToken: cancellationToken);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement;
        // A valid order after the bad one: once its event arrived, an event of the bad one would have too.
        var sentinel = await orders.PlaceAcceptedAsync("sentinel", [("FLT-010", 1)], cancellationToken);
        var events = await DrainUntilAsync(broker.Channel, accepted, sentinel, cancellationToken);

        Assert.True(expected == response.StatusCode, $"{description}: expected {(int)expected}, got {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        if (field.Length > 0)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{description}: the problem names '{field}': {problem}");
        }

        Assert.Equal(storedBefore + 1, await redis.GetDatabase().SortedSetLengthAsync(RedisKeys.RecentOrders));
        Assert.Equal([sentinel], events);
    }

    private static async Task<string> BindAcceptedEventsAsync(IChannel channel, CancellationToken cancellationToken)
    {
        var queue = (await channel.QueueDeclareAsync(exclusive: true, cancellationToken: cancellationToken)).QueueName;
        await channel.QueueBindAsync(queue, MessagingTopology.OrderEventsExchange, "order.accepted", cancellationToken: cancellationToken);
        return queue;
    }

    /// <summary>The order ids of the Accepted events received until the sentinel's.</summary>
    private static async Task<List<string>> DrainUntilAsync(IChannel channel, string queue, string sentinel, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (!ids.Contains(sentinel))
        {
            if (await channel.BasicGetAsync(queue, autoAck: true, timeout.Token) is { } message)
            {
                ids.Add(message.BasicProperties.CorrelationId!);
            }
            else
            {
                await Task.Delay(20, timeout.Token);
            }
        }

        return ids;
    }
}

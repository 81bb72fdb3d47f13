using System.Text.Json;
using Mensageria.Messaging.Contracts;
using Mensageria.Messaging.Orders;
using Mensageria.Messaging.Topology;
using Mensageria.Tests.Infrastructure;
using RabbitMQ.Client;
using StackExchange.Redis;

namespace Mensageria.Tests.Pipeline;

/// <summary>
/// The broker delivers an order to a worker as it confirms it to the API, often before the API has recorded the
/// confirm. The worker must leave such an order alone (its API may still answer 503 and remove it) and take it up
/// as soon as the confirm is recorded. Here the test plays the API: it stores the order, publishes its message and
/// records the confirm only later.
/// </summary>
[Collection(SharedAppDefinition.Name)]
public sealed class EarlyDeliveryTests(AppHostFixture fixture)
{
    private const string Sku = "TEA-002";

    [Fact]
    public async Task An_order_delivered_before_its_confirm_is_recorded_is_left_alone_until_it_is_then_processed()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(await fixture.App.GetRequiredConnectionStringAsync("cache", cancellationToken));
        await using var broker = await BrokerProbe.ConnectAsync(fixture.App, cancellationToken);
        using var orders = OrdersClient.For(fixture.App);
        var store = new OrderStore(redis, TimeProvider.System);
        var id = Guid.CreateVersion7().ToString("N");
        var placedAt = TimeProvider.System.GetUtcNow();
        var stock = await orders.StockAsync(Sku, cancellationToken);

        await store.CreateAsync(new OrderRecord(id, "early-customer", [new PricedLine(Sku, "Earl Grey, 100 g", 1, 7.50m)], 7.50m, OrderStatus.Accepted, placedAt,
            null, null, null, null, []));
        await broker.Channel.BasicPublishAsync(MessagingTopology.OrdersExchange, MessagingTopology.OrderPlacedRoutingKey, mandatory: true,
            new BasicProperties { MessageId = id, CorrelationId = id, Persistent = true, ContentType = "application/json" },
            JsonSerializer.SerializeToUtf8Bytes(new OrderPlaced(id, "early-customer", [new OrderLine(Sku, 1)], placedAt), MessagingJsonContext.Default.OrderPlaced),
            cancellationToken);
        await broker.WaitUntilTakenAsync(MessagingTopology.OrdersQueue, OrdersClient.ProcessingTimeout, cancellationToken);

        // A worker holds it and looks again and again (2 ms, 4 ms, … doubling): in a second it has done nothing with it.
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        var waiting = await store.GetAsync(id);
        Assert.Equal((OrderStatus.Accepted, false), (waiting!.Status, waiting.Confirmed));
        Assert.Equal(stock, await orders.StockAsync(Sku, cancellationToken));

        await store.ConfirmAsync(id, placedAt);
        var done = await orders.WaitUntilDoneAsync(id, cancellationToken);

        Assert.Equal(OrderStatus.Completed, done.Status);
        Assert.Equal(
            [OrderStatus.Accepted, OrderStatus.Processing, OrderStatus.StockReserved, OrderStatus.Invoiced, OrderStatus.Completed],
            done.History.Select(h => h.Status));
        Assert.Equal(stock - 1, await orders.StockAsync(Sku, cancellationToken));
    }
}

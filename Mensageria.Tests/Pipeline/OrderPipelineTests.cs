using System.Net;
using System.Text;
using Mensageria.Messaging.Contracts;
using Mensageria.Messaging.Topology;
using Mensageria.Tests.Infrastructure;
using RabbitMQ.Client;

namespace Mensageria.Tests.Pipeline;

[Collection(SharedAppDefinition.Name)]
public sealed class OrderPipelineTests(AppHostFixture fixture)
{
    [Fact]
    public async Task An_accepted_order_is_processed_to_Completed_and_takes_its_stock_once()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var orders = OrdersClient.For(fixture.App);
        var espresso = await orders.StockAsync("ESP-002", cancellationToken);
        var mugs = await orders.StockAsync("MUG-002", cancellationToken);

        using var response = await orders.PlaceAsync("happy-path", [("ESP-002", 3), ("MUG-002", 2)], cancellationToken: cancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        var order = await orders.WaitUntilDoneAsync(location.Split('/')[^1], cancellationToken);

        Assert.Equal(OrderStatus.Completed, order.Status);
        Assert.Equal(
            [OrderStatus.Accepted, OrderStatus.Processing, OrderStatus.StockReserved, OrderStatus.Invoiced, OrderStatus.Completed],
            order.History.Select(h => h.Status));
        Assert.True(order.History.Zip(order.History.Skip(1)).All(pair => pair.First.At <= pair.Second.At), "history times go forward");
        Assert.Matches("^INV-[0-9]{4}-[0-9]{7}$", order.InvoiceNumber);
        Assert.Equal((3 * 26.50m) + (2 * 18.00m), order.Total);
        Assert.NotNull(order.TraceId);
        Assert.Equal(espresso - 3, await orders.StockAsync("ESP-002", cancellationToken));
        Assert.Equal(mugs - 2, await orders.StockAsync("MUG-002", cancellationToken));
    }

    [Fact]
    public async Task An_order_for_more_than_the_stock_is_Rejected_with_the_reason_and_takes_nothing()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var orders = OrdersClient.For(fixture.App);
        var tastingBoxes = await orders.StockAsync("GFT-001", cancellationToken);
        var tea = await orders.StockAsync("TEA-001", cancellationToken);

        var id = await orders.PlaceAcceptedAsync("too-many", [("TEA-001", 1), ("GFT-001", tastingBoxes + 1)], cancellationToken);
        var order = await orders.WaitUntilDoneAsync(id, cancellationToken);

        Assert.Equal(OrderStatus.Rejected, order.Status);
        Assert.Contains("GFT-001", order.Reason, StringComparison.Ordinal);
        Assert.Null(order.InvoiceNumber);
        Assert.Equal(tastingBoxes, await orders.StockAsync("GFT-001", cancellationToken));
        Assert.Equal(tea, await orders.StockAsync("TEA-001", cancellationToken));
    }

    [Fact]
    public async Task Both_worker_replicas_take_orders_from_the_queue()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var orders = OrdersClient.For(fixture.App);

        var ids = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => orders.PlaceAcceptedAsync($"competing-{i}", [("FLT-010", 1)], cancellationToken)));
        var done = await Task.WhenAll(ids.Select(id => orders.WaitUntilDoneAsync(id, cancellationToken)));

        Assert.All(done, o => Assert.Equal(OrderStatus.Completed, o.Status));
        Assert.Equal(fixture.App.Instances("worker").Keys.Order(StringComparer.Ordinal), done.Select(o => o.ProcessedBy).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_same_idempotency_key_sent_concurrently_twenty_times_makes_one_order()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var orders = OrdersClient.For(fixture.App);
        var key = $"key-{Guid.NewGuid():N}";
        var stock = await orders.StockAsync("CHC-001", cancellationToken);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => orders.PlaceAsync("idempotent", [("CHC-001", 2)], key, cancellationToken)));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync(cancellationToken)));
        var ids = bodies.Select(b => System.Text.Json.JsonDocument.Parse(b).RootElement.GetProperty("orderId").GetString()).Distinct().ToList();

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var id = Assert.Single(ids)!;
        Assert.Equal(OrderStatus.Completed, (await orders.WaitUntilDoneAsync(id, cancellationToken)).Status);
        Assert.Equal(stock - 2, await orders.StockAsync("CHC-001", cancellationToken));

        using var conflict = await orders.PlaceAsync("idempotent", [("CHC-001", 3)], key, cancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
    }

    [Fact]
    public async Task A_poison_message_is_dead_lettered_after_the_delivery_limit_while_orders_keep_completing()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var broker = await BrokerProbe.ConnectAsync(fixture.App, cancellationToken);
        using var orders = OrdersClient.For(fixture.App);
        var poisonId = $"poison-{Guid.NewGuid():N}";

        await broker.Channel.BasicPublishAsync(MessagingTopology.OrdersExchange, MessagingTopology.OrderPlacedRoutingKey, mandatory: true,
            new BasicProperties { MessageId = poisonId, Persistent = true, ContentType = "application/json" },
            Encoding.UTF8.GetBytes("{ this is not an order"), cancellationToken);
        var order = await orders.WaitUntilDoneAsync(await orders.PlaceAcceptedAsync("after-poison", [("TEA-002", 1)], cancellationToken), cancellationToken);

        Assert.Equal(OrderStatus.Completed, order.Status);
        var deadLetter = await WaitForDeadLetterAsync(broker.Channel, poisonId, cancellationToken);
        Assert.Equal("{ this is not an order", Encoding.UTF8.GetString(deadLetter.Body.Span));
        Assert.True(deadLetter.BasicProperties.Headers!.ContainsKey("x-death"), "a dead letter says why it died");
    }

    [Fact]
    public async Task An_unknown_order_is_a_404_problem_and_the_list_is_newest_first_and_filtered()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var orders = OrdersClient.For(fixture.App);
        var first = await orders.PlaceAcceptedAsync("list-1", [("CLN-001", 1)], cancellationToken);
        var second = await orders.PlaceAcceptedAsync("list-2", [("CLN-001", 1)], cancellationToken);
        await orders.WaitUntilDoneAsync(first, cancellationToken);
        await orders.WaitUntilDoneAsync(second, cancellationToken);

        using var missing = await orders.Http.GetAsync(new Uri("/api/orders/does-not-exist", UriKind.Relative), cancellationToken);
        var recent = await orders.Http.GetStringAsync(new Uri("/api/orders?status=Completed&limit=500", UriKind.Relative), cancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        var (newer, older) = (recent.IndexOf(second, StringComparison.Ordinal), recent.IndexOf(first, StringComparison.Ordinal));
        Assert.True(newer >= 0 && newer < older, "both orders are listed, the newer first");
        Assert.DoesNotContain("\"Rejected\"", recent, StringComparison.Ordinal);
    }

    private static async Task<BasicGetResult> WaitForDeadLetterAsync(IChannel channel, string messageId, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(OrdersClient.ProcessingTimeout);
        while (true)
        {
            if (await channel.BasicGetAsync(MessagingTopology.DeadLetterQueue, autoAck: false, timeout.Token) is { } message)
            {
                if (message.BasicProperties.MessageId == messageId)
                {
                    await channel.BasicAckAsync(message.DeliveryTag, false, timeout.Token);
                    return message;
                }

                await channel.BasicNackAsync(message.DeliveryTag, false, requeue: true, timeout.Token);
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}

using System.Diagnostics;
using System.Net;
using Mensageria.Messaging.Contracts;
using Mensageria.Messaging.Orders;
using Mensageria.Messaging.Topology;
using Mensageria.Tests.Infrastructure;
using StackExchange.Redis;

namespace Mensageria.Tests.Pipeline;

/// <summary>Orders while workers, the broker or Redis go away, on a private app; each test brings it back.</summary>
public sealed class OrderFaultTests(PrivateAppFixture fixture) : IClassFixture<PrivateAppFixture>
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Orders_wait_in_the_queue_while_the_workers_are_down_and_are_processed_when_they_return()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var orders = OrdersClient.For(fixture.App);
        await using var broker = await BrokerProbe.ConnectAsync(fixture.App, cancellationToken);
        string[] ids;
        await fixture.App.StopResourceAsync("worker", cancellationToken);
        try
        {
            ids = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => orders.PlaceAcceptedAsync($"waiting-{i}", [("TEA-002", 1)], cancellationToken)));

            Assert.Equal(100u, await broker.ReadyAsync(MessagingTopology.OrdersQueue, cancellationToken));
            Assert.All(await Task.WhenAll(ids.Select(id => orders.GetAsync(id, cancellationToken))), o => Assert.Equal(OrderStatus.Accepted, o!.Status));
            // The operations panel sees the backlog (the broker's figures lag up to a second).
            var panel = await WaitForPanelAsync(
                p => p.GetProperty("orders").GetProperty("ready").GetInt64() == 100 && p.GetProperty("workersOnline").GetInt32() == 0, cancellationToken);
            Assert.Equal("Alert", panel.GetProperty("orders").GetProperty("state").GetString());
            Assert.Equal(0, panel.GetProperty("workersOnline").GetInt32());
        }
        finally
        {
            await fixture.RestartAsync("worker", cancellationToken);
        }

        var done = await Task.WhenAll(ids.Select(id => orders.WaitUntilDoneAsync(id, cancellationToken)));

        Assert.All(done, o => Assert.Equal(OrderStatus.Completed, o.Status));
        Assert.Equal(0u, await broker.ReadyAsync(MessagingTopology.OrdersQueue, cancellationToken));
        var drained = await WaitForPanelAsync(p => p.GetProperty("orders").GetProperty("ready").GetInt64() == 0 && p.GetProperty("workersOnline").GetInt32() == 2, cancellationToken);
        Assert.Equal("Normal", drained.GetProperty("orders").GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_quote_that_no_worker_answers_is_a_504_problem()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var orders = OrdersClient.For(fixture.App);
        await fixture.App.StopResourceAsync("worker", cancellationToken);
        try
        {
            using var response = await orders.QuoteAsync("unanswered", [("TEA-002", 1)], cancellationToken);
            var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement;

            Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("inventory.quotes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await fixture.RestartAsync("worker", cancellationToken);
        }

        using var answered = await orders.QuoteAsync("answered", [("TEA-002", 1)], cancellationToken);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }

    [Fact]
    public async Task A_dead_lettered_order_replayed_from_the_operations_API_is_processed()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var orders = OrdersClient.For(fixture.App);
        using var web = TestCredentials.Operator(fixture.App);
        await using var broker = await BrokerProbe.ConnectAsync(fixture.App, cancellationToken);
        string id;
        await fixture.App.StopResourceAsync("worker", cancellationToken);
        try
        {
            id = await orders.PlaceAcceptedAsync("replayed", [("CUP-001", 1)], cancellationToken);
            await broker.DeadLetterNextOrderAsync(cancellationToken);
            await WaitForPanelAsync(p => p.GetProperty("deadLetters").GetProperty("ready").GetInt64() >= 1, cancellationToken);
            var listed = System.Text.Json.JsonDocument.Parse(await web.GetStringAsync(new Uri("/ops/dead-letters?limit=100", UriKind.Relative), cancellationToken)).RootElement;
            var letter = listed.EnumerateArray().Single(l => l.GetProperty("orderId").GetString() == id);
            Assert.Equal("replayed", letter.GetProperty("customerId").GetString());
            Assert.Equal(MessagingTopology.OrdersQueue, letter.GetProperty("queue").GetString());
            Assert.False(string.IsNullOrEmpty(letter.GetProperty("reason").GetString()));

            using var replay = await web.PostAsync(new Uri("/ops/dead-letters/replay", UriKind.Relative), null, cancellationToken);
            var replayed = System.Text.Json.JsonDocument.Parse(await replay.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("replayed").GetInt32();

            Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
            Assert.True(replayed >= 1);
            Assert.Equal(0u, await broker.ReadyAsync(MessagingTopology.DeadLetterQueue, cancellationToken));
            Assert.Equal(1u, await broker.ReadyAsync(MessagingTopology.OrdersQueue, cancellationToken));
        }
        finally
        {
            await fixture.RestartAsync("worker", cancellationToken);
        }

        Assert.Equal(OrderStatus.Completed, (await orders.WaitUntilDoneAsync(id, cancellationToken)).Status);
    }

    [Fact]
    public async Task Queued_orders_outlast_a_Redis_outage_without_being_dead_lettered()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var orders = OrdersClient.For(fixture.App);
        await using var broker = await BrokerProbe.ConnectAsync(fixture.App, cancellationToken);
        // CLIENT PAUSE is an admin command.
        var redisOptions = ConfigurationOptions.Parse(await fixture.App.GetRequiredConnectionStringAsync("cache", cancellationToken));
        redisOptions.AllowAdmin = true;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(redisOptions);
        var deadLettersBefore = await broker.ReadyAsync(MessagingTopology.DeadLetterQueue, cancellationToken);
        string[] ids;
        await fixture.App.StopResourceAsync("worker", cancellationToken);
        try
        {
            ids = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => orders.PlaceAcceptedAsync($"outage-{i}", [("SYR-001", 1)], cancellationToken)));
            // Redis holds every write while the workers (which wait for a healthy Redis to start) take
            // the orders; then it goes away with the orders in their hands.
            await redis.GetServers().Single().ExecuteAsync("CLIENT", "PAUSE", "60000", "WRITE");
            await fixture.App.StartResourceAsync("worker", cancellationToken);
            await broker.WaitUntilTakenAsync(MessagingTopology.OrdersQueue, s_timeout, cancellationToken);
            await fixture.App.StopResourceAsync("cache", cancellationToken);
            // The workers find Redis gone, and keep waiting: a pause of 1,600 ms comes after the
            // fourth failed try, past the three tries after which a message was rejected.
            await fixture.App.WaitForLogAsync("worker", "trying again in 1600 ms", s_timeout, cancellationToken);
        }
        finally
        {
            await fixture.RestartAsync("cache", cancellationToken);
            await fixture.App.WaitForHealthyAsync("worker", s_timeout, cancellationToken);
        }

        var done = await Task.WhenAll(ids.Select(id => orders.WaitUntilDoneAsync(id, cancellationToken)));
        Assert.All(done, o => Assert.Equal(OrderStatus.Completed, o.Status));
        Assert.Equal(deadLettersBefore, await broker.ReadyAsync(MessagingTopology.DeadLetterQueue, cancellationToken));
    }

    [Fact]
    public async Task A_worker_killed_in_the_middle_of_a_thousand_orders_loses_none_and_reserves_stock_exactly_once()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var orders = OrdersClient.For(fixture.App);
        var stockBefore = (await orders.ProductsAsync(cancellationToken)).ToDictionary(p => p.Sku, p => p.Stock);
        string[] skus = ["GRN-002", "KTL-001", "SCL-001", "GFT-001", "MUG-002"];
        var random = new Random(2026);
        var requests = Enumerable.Range(0, 1000)
            .Select(i => (Customer: $"crash-{i}", Lines: Enumerable.Range(0, random.Next(1, 3)).Select(_ => (skus[random.Next(skus.Length)], random.Next(1, 4))).ToList()))
            .ToList();

        var placed = 0;
        var killed = false;
        using var throttle = new SemaphoreSlim(32);
        var ids = await Task.WhenAll(requests.Select(async request =>
        {
            await throttle.WaitAsync(cancellationToken);
            try
            {
                var id = await orders.PlaceAcceptedAsync(request.Customer, request.Lines, cancellationToken);
                if (Interlocked.Increment(ref placed) == 300 && !killed)
                {
                    killed = true;
                    fixture.App.KillInstance(fixture.App.Instances("worker").Keys.First());
                }

                return id;
            }
            finally
            {
                throttle.Release();
            }
        }));
        Assert.True(killed);
        await fixture.RestartAsync("worker", cancellationToken);
        var statuses = (await OrderOutcomes.WaitUntilAllDoneAsync(fixture.App, ids, cancellationToken)).ToDictionary(o => o.Key, o => o.Value.Status);

        var stockAfter = (await orders.ProductsAsync(cancellationToken)).ToDictionary(p => p.Sku, p => p.Stock);
        var completed = requests.Zip(ids).Where(pair => statuses[pair.Second] == OrderStatus.Completed).SelectMany(pair => pair.First.Lines).ToList();
        Assert.All(statuses.Values, s => Assert.True(s is OrderStatus.Completed or OrderStatus.Rejected, $"an order ended {s}"));
        Assert.Contains(OrderStatus.Rejected, statuses.Values);
        foreach (var sku in skus)
        {
            Assert.Equal(completed.Where(l => l.Item1 == sku).Sum(l => l.Item2), stockBefore[sku] - stockAfter[sku]);
        }
    }

    [Theory]
    [InlineData("messaging")]
    [InlineData("cache")]
    public async Task While_a_server_is_down_orders_are_refused_with_503_promptly_and_accepted_again_when_it_returns(string server)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var orders = OrdersClient.For(fixture.App);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(await fixture.App.GetRequiredConnectionStringAsync("cache", cancellationToken));
        var storedBefore = await redis.GetDatabase().SortedSetLengthAsync(RedisKeys.RecentOrders);
        await fixture.App.StopResourceAsync(server, cancellationToken);
        try
        {
            await AssertRefusedAsync(orders, cancellationToken);
            using var quote = await orders.QuoteAsync("refused", [("TEA-002", 1)], cancellationToken);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, quote.StatusCode);
            Assert.Equal("2", quote.Headers.RetryAfter?.ToString());
        }
        finally
        {
            await fixture.RestartAsync(server, cancellationToken);
        }

        // Nothing of the refused order was kept; the next one goes all the way through.
        Assert.Equal(storedBefore, await redis.GetDatabase().SortedSetLengthAsync(RedisKeys.RecentOrders));
        var order = await orders.WaitUntilDoneAsync(await PlaceOnceAcceptedAgainAsync(orders, cancellationToken), cancellationToken);
        Assert.Equal(OrderStatus.Completed, order.Status);
    }

    /// <summary>Polls <c>/ops/queues</c> until the panel shows what the test waits for.</summary>
    private async Task<System.Text.Json.JsonElement> WaitForPanelAsync(Func<System.Text.Json.JsonElement, bool> condition, CancellationToken cancellationToken)
    {
        using var web = TestCredentials.Operator(fixture.App);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var panel = System.Text.Json.JsonDocument.Parse(await web.GetStringAsync(new Uri("/ops/queues", UriKind.Relative), cancellationToken)).RootElement.Clone();
            if (condition(panel))
            {
                return panel;
            }

            Assert.True(deadline.Elapsed < s_timeout, $"the panel never showed what was expected: {panel}");
            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>A 503 with Retry-After, never a hang: the client gives up after two seconds.</summary>
    private static async Task AssertRefusedAsync(OrdersClient orders, CancellationToken cancellationToken)
    {
        using var patient = orders.WithTimeout(TimeSpan.FromSeconds(2));
        using var refused = await patient.PlaceAsync("refused", [("ESP-001", 1)], cancellationToken: cancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("2", refused.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The API reconnects by itself: retries as a client would, until an order is accepted.</summary>
    private static async Task<string> PlaceOnceAcceptedAgainAsync(OrdersClient orders, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            using var response = await orders.PlaceAsync("after-outage", [("ESP-001", 1)], cancellationToken: cancellationToken);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("orderId").GetString()!;
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(deadline.Elapsed < s_timeout, "the API did not accept orders again within a minute");
            await Task.Delay(250, cancellationToken);
        }
    }
}

using System.Net;
using System.Text.Json;
using Mensageria.Messaging.Contracts;
using Mensageria.Messaging.Topology;
using Mensageria.Tests.Infrastructure;
using StackExchange.Redis;

namespace Mensageria.Tests.Pipeline;

/// <summary>
/// Redis killed with SIGKILL and started again through Aspire while it holds a data set that takes
/// seconds to reload: "LOADING" means not ready yet, everywhere, never a 500 and never a spent delivery.
/// </summary>
public sealed class RedisLoadingTests(SlowLoadingRedisAppFixture fixture) : IClassFixture<SlowLoadingRedisAppFixture>
{
    private const string Loading = "not ready yet: LOADING";
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task While_Redis_reloads_its_data_after_a_crash_the_API_answers_503_and_the_workers_wait_without_spending_deliveries()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var orders = OrdersClient.For(fixture.App);
        // Its own client: no resilience handler, so every answer the API gives is seen as given.
        using var api = orders.WithTimeout(TimeSpan.FromSeconds(5));
        await using var broker = await BrokerProbe.ConnectAsync(fixture.App, cancellationToken);
        var redisOptions = ConfigurationOptions.Parse(await fixture.App.GetRequiredConnectionStringAsync("cache", cancellationToken));
        redisOptions.AllowAdmin = true;
        // The filler below is one script of 100,000 writes: on a loaded machine it has taken more than the default 5 s.
        redisOptions.AsyncTimeout = (int)s_timeout.TotalMilliseconds;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(redisOptions);
        // 100,000 keys more in the append-only file: seconds of LOADING after a restart, at key-load-delay.
        await redis.GetDatabase().ScriptEvaluateAsync(
            "for i = 1, tonumber(ARGV[1]) do redis.call('SET', 'filler:' .. i, ARGV[2]) end", values: [100_000, new string('x', 100)]);
        var deadLettersBefore = await broker.ReadyAsync(MessagingTopology.DeadLetterQueue, cancellationToken);

        // Orders in the workers' hands when Redis dies: queued while the workers are stopped, then
        // taken while Redis holds every write.
        await fixture.App.StopResourceAsync("worker", cancellationToken);
        var ids = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => orders.PlaceAcceptedAsync($"loading-{i}", [("SYR-001", 1)], cancellationToken)));
        await redis.GetServers().Single().ExecuteAsync("CLIENT", "PAUSE", "60000", "WRITE");
        await fixture.App.StartResourceAsync("worker", cancellationToken);
        await broker.WaitUntilTakenAsync(MessagingTopology.OrdersQueue, s_timeout, cancellationToken);

        var cacheReportsLoading = fixture.App.ResourceNotifications.WaitForResourceAsync(
            "cache", e => e.Snapshot.HealthReports.Any(r => r.Description?.Contains(Loading, StringComparison.Ordinal) == true), cancellationToken);
        var workerWaitsOutLoading = fixture.App.WaitForLogAsync("worker", $"waits (Redis is {Loading}", s_timeout, cancellationToken);
        fixture.App.KillInstance(fixture.App.Instances("cache").Keys.Single());
        await fixture.App.WaitForInstancesAsync("cache", s => s.IsStopped(), "stopped", s_timeout, cancellationToken);
        await fixture.App.StartResourceAsync("cache", cancellationToken);

        // Orders keep coming: refused with 503 while Redis is gone and while it loads, accepted once it is back.
        var placedAfter = await PlaceUntilAcceptedAsync(api, async () =>
        {
            // Seen while LOADING: every Redis reader answers 503, and the API's readiness says so.
            using var products = await api.Http.GetAsync(new Uri("/api/products", UriKind.Relative), cancellationToken);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, products.StatusCode);
            using var quote = await api.QuoteAsync("loading-quote", [("TEA-002", 1)], cancellationToken);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, quote.StatusCode);
            using var health = await api.Http.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        }, cancellationToken);

        await cacheReportsLoading.WaitAsync(s_timeout, cancellationToken);
        await workerWaitsOutLoading;
        await fixture.App.WaitForHealthyAsync("cache", s_timeout, cancellationToken);
        await fixture.App.WaitForHealthyAsync("worker", s_timeout, cancellationToken);
        var done = await Task.WhenAll(ids.Append(placedAfter).Select(id => orders.WaitUntilDoneAsync(id, cancellationToken)));
        Assert.All(done, o => Assert.Equal(OrderStatus.Completed, o.Status));
        Assert.Equal(deadLettersBefore, await broker.ReadyAsync(MessagingTopology.DeadLetterQueue, cancellationToken));
    }

    /// <summary>
    /// Places an order every 50 ms until one is accepted; each answer must be a 202 or a 503 with
    /// Retry-After. The first 503 that names LOADING runs <paramref name="whileLoading"/>, and the
    /// test fails if none does.
    /// </summary>
    private static async Task<string> PlaceUntilAcceptedAsync(OrdersClient api, Func<Task> whileLoading, CancellationToken cancellationToken)
    {
        var answers = new List<string>();
        var sawLoading = false;
        var deadline = DateTime.UtcNow + s_timeout;
        while (DateTime.UtcNow < deadline)
        {
            var sent = DateTime.UtcNow;
            using var response = await api.PlaceAsync("loading-retry", [("TEA-002", 1)], cancellationToken: cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            answers.Add(response.StatusCode == HttpStatusCode.ServiceUnavailable
                ? $"503 Retry-After: {response.Headers.RetryAfter} ({Detail(body)}) in {(DateTime.UtcNow - sent).TotalMilliseconds:F0} ms"
                : $"{(int)response.StatusCode}{(response.IsSuccessStatusCode ? "" : $": {body}")}");
            Assert.True(response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.ServiceUnavailable, $"an order was answered {answers[^1]}");
            Assert.True(response.StatusCode == HttpStatusCode.Accepted || response.Headers.RetryAfter?.Delta == TimeSpan.FromSeconds(2), $"a 503 without Retry-After: 2: {answers[^1]}");
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                Assert.True(sawLoading, $"Redis was back before any order was refused because it was loading; answers: {string.Join(", ", answers)}");
                return JsonDocument.Parse(body).RootElement.GetProperty("orderId").GetString()!;
            }

            if (!sawLoading && response.StatusCode == HttpStatusCode.ServiceUnavailable && body.Contains(Loading, StringComparison.Ordinal))
            {
                sawLoading = true;
                await whileLoading();
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException($"No order was accepted within {s_timeout}; answers: {string.Join(", ", answers)}");
    }

    private static string? Detail(string problem) => JsonDocument.Parse(problem).RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() : problem;
}

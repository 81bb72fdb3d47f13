using System.Net;
using Mensageria.Messaging.Contracts;
using Mensageria.Tests.Infrastructure;

namespace Mensageria.Tests.Reliability;

/// <summary>
/// Each resource killed with SIGKILL while orders arrive at a steady rate, then started again with
/// Aspire's own start command (a crashed resource offers Start, not Restart). Whatever the fault:
/// every order answered 202 ends Completed or Rejected, stock taken equals the completed quantities,
/// no invoice number is issued twice, and every refusal is a 503 with Retry-After.
/// </summary>
public sealed class CrashMatrixTests(PrivateAppFixture fixture) : IClassFixture<PrivateAppFixture>
{
    private const int Orders = 1200;
    private const int PerSecond = 80;

    [Theory]
    [InlineData("messaging", "SIGKILL the RabbitMQ node")]
    [InlineData("cache", "SIGKILL Redis")]
    [InlineData("api", "SIGKILL the API")]
    [InlineData("worker", "SIGKILL a worker")]
    public async Task A_resource_killed_under_load_loses_no_accepted_order_and_repeats_no_effect(string resource, string fault)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var orders = OrdersClient.For(fixture.App);
        var stockBefore = (await orders.ProductsAsync(cancellationToken)).ToDictionary(p => p.Sku, p => p.Stock);
        var load = new SteadyLoad(orders, Orders, PerSecond);
        var running = load.RunAsync($"crash-{resource}", cancellationToken);

        // Two and a half seconds into the load, the crash; then an operator's start, as soon as Aspire shows it stopped.
        while (load.Sent < PerSecond * 5 / 2)
        {
            await Task.Delay(20, cancellationToken);
        }

        var instance = fixture.App.Instances(resource).Keys.Order(StringComparer.Ordinal).First();
        var killedAt = load.Now;
        fixture.App.KillInstance(instance);
        await fixture.App.WaitForInstanceAsync(instance, AppResources.IsStopped, "stopped", AppResources.Timeout, cancellationToken);
        await fixture.App.StartInstanceAsync(instance, cancellationToken);
        await fixture.App.WaitForHealthyAsync(resource, AppHostFixture.StartTimeout, cancellationToken);
        var attempts = await running;

        var settled = await Task.WhenAll(attempts.Select(a => a.Status is null ? load.SettleAsync(a, cancellationToken) : Task.FromResult(a)));
        var accepted = settled.Where(a => a.OrderId is not null).ToList();
        var outcomes = await OrderOutcomes.WaitUntilAllDoneAsync(fixture.App, [.. accepted.Select(a => a.OrderId!).Distinct()], cancellationToken);
        var stockAfter = (await orders.ProductsAsync(cancellationToken)).ToDictionary(p => p.Sku, p => p.Stock);

        var completed = accepted.Where(a => outcomes[a.OrderId!].Status == OrderStatus.Completed).ToList();
        var invoices = completed.Select(a => outcomes[a.OrderId!].Invoice).ToList();
        var wrongStock = stockBefore.Keys.Count(sku =>
            stockBefore[sku] - stockAfter[sku] != completed.SelectMany(a => a.Lines).Where(l => l.Sku == sku).Sum(l => l.Quantity));
        // Accepting again: the first 202 to a request sent after the kill, counted from the kill.
        var acceptedAgainAt = attempts.Where(a => a.SentAt >= killedAt && a.Status == HttpStatusCode.Accepted).Select(a => a.AnsweredAt).DefaultIfEmpty(double.NaN).Min();
        var row = new CrashMatrixRow(
            fault,
            attempts.Count,
            attempts.Count(a => a.Status == HttpStatusCode.Accepted),
            attempts.Count(a => a.Status == HttpStatusCode.ServiceUnavailable),
            attempts.Count(a => a.Status is null),
            completed.Count,
            outcomes.Values.Count(o => o.Status == OrderStatus.Rejected),
            outcomes.Values.Count(o => o.Status is not (OrderStatus.Completed or OrderStatus.Rejected)),
            invoices.Count - invoices.Distinct().Count() + wrongStock,
            acceptedAgainAt - killedAt);
        row.Save($"crash-{resource}");

        Assert.All(attempts, a => Assert.True(
            a.Status is HttpStatusCode.Accepted || (a.Status is HttpStatusCode.ServiceUnavailable && a.HasRetryAfter) || a.Status is null,
            $"{a.Key} got {a.Status}"));
        // Only a dead API leaves requests unanswered; no server behind a live API may make it hang.
        Assert.True(resource == "api" || row.Unanswered == 0, $"{row.Unanswered} requests got no answer: {row.ToMarkdown()}");
        Assert.Equal(0, row.Lost);
        Assert.All(invoices, invoice => Assert.NotNull(invoice));
        Assert.Equal(invoices.Count, invoices.Distinct().Count());
        Assert.Equal(0, wrongStock);
        Assert.False(double.IsNaN(acceptedAgainAt), $"no order was accepted after the crash: {row.ToMarkdown()}");
    }
}

using Mensageria.Tests.Infrastructure;

namespace Mensageria.Tests.Reliability;

/// <summary>
/// Each resource killed with SIGKILL while orders arrive at a steady rate, then started again with
/// Aspire's own start command (a crashed resource offers Start, not Restart). Whatever the fault:
/// every order answered 202 ends Completed or Rejected, stock taken equals the completed quantities,
/// no invoice number is issued twice, and every refusal is a 503 with Retry-After.
/// </summary>
[Collection(OneAtATimeDefinition.Name)]
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
        // On until ten seconds after the resource is healthy again (its clients reconnect within five), however long it takes to come back.
        double? healthyAt = null;
        var running = load.RunAsync($"crash-{resource}", cancellationToken, goOn: () => healthyAt is not { } healthy || load.Now < healthy + 10);

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
        healthyAt = load.Now;
        var attempts = await running;

        var settled = await load.SettleAllAsync(attempts, cancellationToken);
        var outcomes = await OrderOutcomes.WaitUntilAllDoneAsync(fixture.App, [.. settled.Where(a => a.OrderId is not null).Select(a => a.OrderId!).Distinct()], cancellationToken);
        var stockAfter = (await orders.ProductsAsync(cancellationToken)).ToDictionary(p => p.Sku, p => p.Stock);

        var row = CrashTally.Count(fault, attempts, settled, outcomes, stockBefore, stockAfter, killedAt);
        row.Save($"crash-{resource}");
        // Only a dead API leaves requests unanswered; no server behind a live API may make it hang.
        CrashTally.AssertHeld(row, attempts, unansweredAllowed: resource == "api");
    }
}

using Mensageria.Tests.Infrastructure;

namespace Mensageria.Tests.Reliability;

/// <summary>
/// One case of the crash matrix: orders at a steady rate, the crash 2.5 s in, the load on until ten seconds
/// after the crashed resource is healthy again (however long it takes), then every unanswered request settled
/// by its retry, every accepted order awaited, and the tally saved and checked.
/// </summary>
internal static class CrashUnderLoad
{
    public const int Orders = 1200;
    public const int PerSecond = 80;

    /// <param name="crash">Crashes something and returns when it is healthy again, with the load's time of the crash.</param>
    public static async Task RunAsync(
        DistributedApplication app, string name, string fault, Func<SteadyLoad, Task<double>> crash, bool unansweredAllowed, string? note, CancellationToken cancellationToken)
    {
        using var orders = OrdersClient.For(app);
        var stockBefore = (await orders.ProductsAsync(cancellationToken)).ToDictionary(p => p.Sku, p => p.Stock);
        var load = new SteadyLoad(orders, Orders, PerSecond);
        double? healthyAt = null;
        var running = load.RunAsync(name, cancellationToken, goOn: () => healthyAt is not { } healthy || load.Now < healthy + 10);
        while (load.Sent < PerSecond * 5 / 2)
        {
            await Task.Delay(20, cancellationToken);
        }

        var killedAt = await crash(load);
        healthyAt = load.Now;
        var attempts = await running;

        var settled = await load.SettleAllAsync(attempts, cancellationToken);
        var outcomes = await OrderOutcomes.WaitUntilAllDoneAsync(app, [.. settled.Where(a => a.OrderId is not null).Select(a => a.OrderId!).Distinct()], cancellationToken);
        var stockAfter = (await orders.ProductsAsync(cancellationToken)).ToDictionary(p => p.Sku, p => p.Stock);

        var row = CrashTally.Count(fault, attempts, settled, outcomes, stockBefore, stockAfter, killedAt);
        row.Save(name, note);
        CrashTally.AssertHeld(row, attempts, unansweredAllowed);
    }
}

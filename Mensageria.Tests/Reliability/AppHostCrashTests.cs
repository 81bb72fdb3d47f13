using Mensageria.Tests.Infrastructure;

namespace Mensageria.Tests.Reliability;

/// <summary>
/// The app host itself killed with SIGKILL under load, run as its own process (a test's app host is
/// the test process): DCP stops every process it started, and a new run on the same data finishes
/// every accepted order.
/// </summary>
[Collection(OneAtATimeDefinition.Name)]
public sealed class AppHostCrashTests
{
    [Fact]
    public async Task The_app_host_killed_under_load_leaves_no_process_and_a_new_run_on_its_data_finishes_every_accepted_order()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var data = TestDataRoot.NewAppFolder();
        using var orders = new OrdersClient(new HttpClient { BaseAddress = AppHostProcess.Api, DefaultRequestHeaders = { Authorization = new("Bearer", TestCredentials.ServiceKey) } });
        IReadOnlyList<OrderAttempt> attempts;
        SteadyLoad load;
        Dictionary<string, int> stockBefore;
        double killedAt;
        await using (var first = await AppHostProcess.StartAsync(data, cancellationToken))
        {
            stockBefore = (await orders.ProductsAsync(cancellationToken)).ToDictionary(p => p.Sku, p => p.Stock);
            // On until five seconds after the next run is up, however long the kill, the processes' end and the start take, and
            // then until the latest order it accepted was sent after its latest refusal: the new broker may still be recovering
            // its queue when the services answer /health. At most 120 s of orders (the kill and the start took 45 s here).
            double? secondUpAt = null;
            load = new SteadyLoad(orders, 1200, 80);
            var running = load.RunAsync("crash-apphost", cancellationToken, limit: 9600, goOn: () =>
                secondUpAt is not { } up || load.Now < up + 5 || !load.AcceptingSince(up));
            while (load.Sent < 200)
            {
                await Task.Delay(20, cancellationToken);
            }

            var started = first.Started();
            Assert.True(started.Count >= 11, $"found only {started.Count} processes of the app host");
            killedAt = load.Now;
            first.Kill();
            var left = new List<int>();
            foreach (var pid in started)
            {
                if (!await ProcessProbe.WaitUntilGoneAsync(pid, TimeSpan.FromSeconds(60), cancellationToken))
                {
                    left.Add(pid);
                }
            }

            Assert.True(left.Count == 0, $"{left.Count} of the {started.Count} processes the app host started outlived it: {string.Join(", ", left)}");
            var goneAfter = load.Now - killedAt;
            await using var second = await AppHostProcess.StartAsync(data, cancellationToken);
            secondUpAt = load.Now;
            attempts = await running;
            var settled = await load.SettleAllAsync(attempts, cancellationToken);
            var outcomes = await OrderOutcomes.WaitUntilAllDoneAsync(orders, [.. settled.Where(a => a.OrderId is not null).Select(a => a.OrderId!).Distinct()], cancellationToken);
            var stockAfter = (await orders.ProductsAsync(cancellationToken)).ToDictionary(p => p.Sku, p => p.Stock);

            var row = CrashTally.Count("SIGKILL the app host", attempts, settled, outcomes, stockBefore, stockAfter, killedAt);
            row.Save("crash-apphost", $"The app host's {started.Count} processes were all gone {goneAfter:0.0} s after its SIGKILL.");
            CrashTally.AssertHeld(row, attempts, unansweredAllowed: true);
        }
    }
}

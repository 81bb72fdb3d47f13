using Mensageria.Messaging.Topology;
using Mensageria.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Mensageria.Tests.Browser;

/// <summary>The page while resources go away, on a private app; each test brings it back.</summary>
public sealed class OperationsPageTests(PrivateAppFixture fixture) : IClassFixture<PrivateAppFixture>
{
    [Fact]
    public async Task The_page_reconnects_after_the_web_restarts_and_shows_the_orders_it_missed() =>
        await WithPageAsync(nameof(The_page_reconnects_after_the_web_restarts_and_shows_the_orders_it_missed), async page =>
        {
            var cancellationToken = TestContext.Current.CancellationToken;
            using var orders = OrdersClient.For(fixture.App);
            string id;
            await fixture.App.StopResourceAsync("web", cancellationToken);
            try
            {
                await Assertions.Expect(page.Locator("#connection")).ToContainTextAsync("reconnecting");
                id = await orders.PlaceAcceptedAsync("missed", [("CLN-001", 1)], cancellationToken);
                await orders.WaitUntilDoneAsync(id, cancellationToken);
            }
            finally
            {
                await fixture.RestartAsync("web", cancellationToken);
            }

            await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("live");
            await Assertions.Expect(page.Locator($"li[data-order-id='{id}'] .status")).ToHaveTextAsync("Completed");
        });

    [Fact]
    public async Task With_the_workers_stopped_the_panel_shows_the_backlog_rise_to_alert() =>
        await WithPageAsync(nameof(With_the_workers_stopped_the_panel_shows_the_backlog_rise_to_alert), async page =>
        {
            var cancellationToken = TestContext.Current.CancellationToken;
            using var orders = OrdersClient.For(fixture.App);
            await fixture.App.StopResourceAsync("worker", cancellationToken);
            try
            {
                await Assertions.Expect(page.Locator("#workers-online")).ToHaveTextAsync("0");
                await Task.WhenAll(Enumerable.Range(0, 100).Select(i => orders.PlaceAcceptedAsync($"backlog-{i}", [("MLK-001", 1)], cancellationToken)));

                await Assertions.Expect(page.Locator("#queue-orders [data-backlog-state]")).ToHaveTextAsync("Alert");
                await Assertions.Expect(page.Locator("#queue-orders")).ToHaveAttributeAsync("data-state", "Alert");
            }
            finally
            {
                await fixture.RestartAsync("worker", cancellationToken);
            }

            await Assertions.Expect(page.Locator("#queue-orders [data-backlog-state]")).ToHaveTextAsync("Normal", new() { Timeout = 60_000 });
            await Assertions.Expect(page.Locator("#workers-online")).ToHaveTextAsync("2");
        });

    [Fact]
    public async Task Dead_letters_are_replayed_from_the_panel_after_a_confirmation() =>
        await WithPageAsync(nameof(Dead_letters_are_replayed_from_the_panel_after_a_confirmation), async page =>
        {
            var cancellationToken = TestContext.Current.CancellationToken;
            using var orders = OrdersClient.For(fixture.App);
            await using var broker = await BrokerProbe.ConnectAsync(fixture.App, cancellationToken);
            string id;
            await fixture.App.StopResourceAsync("worker", cancellationToken);
            try
            {
                id = await orders.PlaceAcceptedAsync("dead-then-replayed", [("CUP-001", 1)], cancellationToken);
                await broker.DeadLetterNextOrderAsync(cancellationToken);
                await Assertions.Expect(page.Locator("#dead-letter-count")).ToHaveTextAsync("1");

                page.Dialog += (_, dialog) => dialog.AcceptAsync();
                await page.ClickAsync("#replay");

                await Assertions.Expect(page.Locator("#replay-result")).ToHaveTextAsync("1 replayed.");
                await Assertions.Expect(page.Locator("#dead-letter-count")).ToHaveTextAsync("0");
            }
            finally
            {
                await fixture.RestartAsync("worker", cancellationToken);
            }

            await Assertions.Expect(page.Locator($"li[data-order-id='{id}'] .status")).ToHaveTextAsync("Completed");
        });

    private async Task WithPageAsync(string testName, Func<IPage, Task> test)
    {
        await using var browser = await BrowserSession.LaunchAsync();
        await browser.RunAsync(testName, async () =>
        {
            var page = await browser.OpenAsync(fixture.App.GetEndpoint("web"));
            await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("live");
            await test(page);
        });
    }
}

using Mensageria.Messaging.Topology;
using Mensageria.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Mensageria.Tests.Browser;

/// <summary>The page while resources go away, on a private app; each test brings it back. The operator is logged in by the login URL.</summary>
public sealed class OperationsPageTests(OperationsPageTests.ShortExpiryWindowApp fixture) : IClassFixture<OperationsPageTests.ShortExpiryWindowApp>
{
    [Fact]
    public async Task The_panel_asks_for_the_operator_secret_and_opens_with_it() =>
        await WithPageAsync(nameof(The_panel_asks_for_the_operator_secret_and_opens_with_it), async page =>
        {
            await page.ClickAsync("#logout");
            await Assertions.Expect(page.Locator("#operator-login")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#ops-panel")).ToBeHiddenAsync();

            await page.FillAsync("#operator-secret", "not-the-secret");
            await page.ClickAsync("#operator-login button");
            await Assertions.Expect(page.Locator("#login-error")).ToHaveTextAsync("That is not the operator secret.");

            await page.FillAsync("#operator-secret", TestCredentials.OperatorSecret);
            await page.ClickAsync("#operator-login button");
            await Assertions.Expect(page.Locator("#ops-panel")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#workers-online")).ToHaveTextAsync("2");
        });

    [Fact]
    public async Task A_key_created_on_the_panel_turns_from_valid_to_expiring_soon_to_expired() =>
        await WithPageAsync(nameof(A_key_created_on_the_panel_turns_from_valid_to_expiring_soon_to_expired), async page =>
        {
            // The app's window is 10 s, so a key of 20 s is 10 s valid, then 10 s expiring soon.
            await page.FillAsync("#key-name", "panel-partner");
            await page.FillAsync("#key-expires", "20s");
            await page.ClickAsync("#create-key button");

            await Assertions.Expect(page.Locator("#created-key-value")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^mk_[0-9a-f]{12}_"));
            var id = (await page.Locator("#created-key-value").TextContentAsync())!.Substring(3, 12);
            var state = page.Locator($"tr[data-key-id='{id}'] [data-credential-state]");
            await Assertions.Expect(state).ToHaveTextAsync("Valid");
            await Assertions.Expect(state).ToHaveTextAsync("ExpiringSoon");
            await Assertions.Expect(page.Locator("#keys-expiring-soon")).ToHaveTextAsync("1");
            await Assertions.Expect(state).ToHaveTextAsync("Expired");
            await Assertions.Expect(page.Locator("#keys-expiring-soon")).ToHaveTextAsync("0");
        });

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
            var page = await browser.OpenAsync(new Uri(fixture.App.GetEndpoint("web"), $"/#operator-secret={TestCredentials.OperatorSecret}"));
            await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("live");
            await Assertions.Expect(page.Locator("#ops-panel")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#operator-login")).ToBeHiddenAsync();
            // The secret left the address bar once it was posted.
            Assert.DoesNotContain(TestCredentials.OperatorSecret, page.Url, StringComparison.Ordinal);
            await test(page);
        });
    }

    /// <summary>The app with a window of 10 s for keys expiring soon, so a test sees a key pass through every state.</summary>
    public sealed class ShortExpiryWindowApp : PrivateAppFixture
    {
        protected override void Configure(IDistributedApplicationTestingBuilder builder)
        {
            ArgumentNullException.ThrowIfNull(builder);
            builder.CreateResourceBuilder(builder.Resources.OfType<Aspire.Hosting.ApplicationModel.ProjectResource>().Single(r => r.Name == "web"))
                .WithEnvironment("Mensageria__Operations__ExpiringSoonWindow", "00:00:10");
        }
    }
}

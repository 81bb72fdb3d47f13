using System.Text.RegularExpressions;
using Mensageria.Tests.Infrastructure;
using Mensageria.Tests.Telemetry;
using Microsoft.Playwright;

namespace Mensageria.Tests.Browser;

/// <summary>The Aspire dashboard of the shared app, as a person uses it.</summary>
[Collection(SharedAppDefinition.Name)]
public sealed partial class DashboardPageTests(AppHostFixture fixture)
{
    private static readonly string[] s_resources = ["messaging", "messaging-epmd", "cache", "api", "web"];

    [Fact]
    public async Task Without_the_token_the_dashboard_asks_for_it() =>
        await WithBrowserAsync(nameof(Without_the_token_the_dashboard_asks_for_it), async browser =>
        {
            var page = await browser.OpenAsync(new Uri(fixture.Dashboard.Url, "/traces"));

            await Assertions.Expect(page).ToHaveURLAsync(LoginPage());
            await Assertions.Expect(page.GetByText("Resources")).ToHaveCountAsync(0);
        });

    [Fact]
    public async Task The_login_url_opens_the_resources_page_with_every_resource_running() =>
        await WithBrowserAsync(nameof(The_login_url_opens_the_resources_page_with_every_resource_running), async browser =>
        {
            var page = await browser.OpenAsync(fixture.Dashboard.LoginUrl);

            foreach (var resource in s_resources.Concat(fixture.App.Instances("worker").Keys))
            {
                var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = resource });
                await Assertions.Expect(row.First).ToContainTextAsync("Running");
            }
        });

    [Fact]
    public async Task An_orders_trace_shows_its_spans_from_api_worker_and_web() =>
        await WithBrowserAsync(nameof(An_orders_trace_shows_its_spans_from_api_worker_and_web), async browser =>
        {
            var cancellationToken = TestContext.Current.CancellationToken;
            using var orders = OrdersClient.For(fixture.App);
            var id = await orders.PlaceAcceptedAsync("dashboard-trace", [("TEA-001", 1)], cancellationToken);
            await OrderTraceTests.WaitForWholeTraceAsync(fixture, id, cancellationToken);
            var traceId = (await orders.GetAsync(id, cancellationToken))!.TraceId;
            var page = await browser.OpenAsync(fixture.Dashboard.LoginUrl);
            await Assertions.Expect(page).Not.ToHaveURLAsync(LoginPage());

            await page.GotoAsync(new Uri(fixture.Dashboard.Url, $"/traces/detail/{traceId}").ToString());

            await Assertions.Expect(page.GetByText("POST /api/orders").First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("reserve stock").First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { NameRegex = WebDelivery() }).First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText(WorkerReplica()).First).ToBeVisibleAsync();
        });

    [GeneratedRegex("/login")]
    private static partial Regex LoginPage();

    // The dashboard names a messaging span by its system and destination: the web receiving a status event.
    [GeneratedRegex("^web: MSG rabbitmq order-events ")]
    private static partial Regex WebDelivery();

    [GeneratedRegex("^worker-[a-z0-9]+$")]
    private static partial Regex WorkerReplica();

    private static async Task WithBrowserAsync(string testName, Func<BrowserSession, Task> test)
    {
        await using var browser = await BrowserSession.LaunchAsync();
        await browser.RunAsync(testName, () => test(browser));
    }
}

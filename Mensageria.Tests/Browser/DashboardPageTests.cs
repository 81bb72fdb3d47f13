using Mensageria.Tests.Dashboard;
using Mensageria.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Mensageria.Tests.Browser;

[Collection(SharedAppDefinition.Name)]
public sealed class DashboardPageTests(AppHostFixture fixture)
{
    private static readonly string[] s_orderResources = ["api", "worker", "web"];

    [Fact]
    public async Task Without_the_token_the_dashboard_shows_the_login_page() =>
        await WithBrowserAsync(nameof(Without_the_token_the_dashboard_shows_the_login_page), async browser =>
        {
            var page = await browser.OpenAsync(new Uri(DashboardAccess.Options(fixture.App).Url, "/traces"));

            await Assertions.Expect(page.Locator("form#login")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#resources, #traces")).ToHaveCountAsync(0);
        });

    [Fact]
    public async Task The_login_url_opens_the_resources_page_with_every_resource_healthy() =>
        await WithBrowserAsync(nameof(The_login_url_opens_the_resources_page_with_every_resource_healthy), async browser =>
        {
            var page = await browser.OpenAsync(DashboardAccess.Options(fixture.App).LoginUrl);

            foreach (var resource in AppHostFixture.ResourceNames)
            {
                await Assertions.Expect(page.Locator($"tr[data-resource='{resource}'] .state")).ToHaveTextAsync("Healthy");
                await Assertions.Expect(page.Locator($"tr[data-resource='{resource}'] .health")).ToHaveTextAsync("Healthy");
            }

            await Assertions.Expect(page.Locator("tr[data-resource='worker']")).ToContainTextAsync("worker-1");
        });

    [Fact]
    public async Task Searching_an_order_id_opens_its_waterfall_across_api_worker_and_web() =>
        await WithBrowserAsync(nameof(Searching_an_order_id_opens_its_waterfall_across_api_worker_and_web), async browser =>
        {
            var cancellationToken = TestContext.Current.CancellationToken;
            using var orders = OrdersClient.For(fixture.App);
            var id = await orders.PlaceAcceptedAsync("dashboard-search", [("TEA-001", 1)], cancellationToken);
            var trace = await OrderTraceTests.WaitForWholeTraceAsync(fixture.App, id, cancellationToken);
            var page = await browser.OpenAsync(DashboardAccess.Options(fixture.App).LoginUrl);

            await page.ClickAsync("nav a[data-page='traces']");
            await page.FillAsync("#trace-search", id);
            await page.PressAsync("#trace-search", "Enter");
            await Assertions.Expect(page.Locator(".trace-row")).ToHaveCountAsync(1);
            await page.ClickAsync(".trace-row a");

            await Assertions.Expect(page).ToHaveURLAsync(new Uri(DashboardAccess.Options(fixture.App).Url, $"/traces/{trace.TraceId}").ToString());
            foreach (var resource in s_orderResources)
            {
                await Assertions.Expect(page.Locator($".waterfall .row[data-resource='{resource}']").First).ToBeVisibleAsync();
            }

            await page.ClickAsync(".waterfall .row[data-kind='Consumer'][data-resource='worker']");
            await Assertions.Expect(page.Locator("#span-detail")).ToContainTextAsync(id);
        });

    private static async Task WithBrowserAsync(string testName, Func<BrowserSession, Task> test)
    {
        await using var browser = await BrowserSession.LaunchAsync();
        await browser.RunAsync(testName, () => test(browser));
    }
}

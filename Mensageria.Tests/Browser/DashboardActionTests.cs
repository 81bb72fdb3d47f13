using Mensageria.Hosting.Lifecycle;
using Mensageria.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Mensageria.Tests.Browser;

/// <summary>The resources page's buttons, on an app of its own since they stop what other tests use.</summary>
public sealed class DashboardActionTests(PrivateAppFixture fixture) : IClassFixture<PrivateAppFixture>
{
    [Fact]
    public async Task Stopping_a_resource_from_the_dashboard_stops_it_and_start_brings_it_back()
    {
        await using var browser = await BrowserSession.LaunchAsync();
        await browser.RunAsync(nameof(Stopping_a_resource_from_the_dashboard_stops_it_and_start_brings_it_back), async () =>
        {
            var page = await browser.OpenAsync(DashboardAccess.Options(fixture.App).LoginUrl);
            var web = page.Locator("tr[data-resource='web']");
            await Assertions.Expect(web.Locator(".state")).ToHaveTextAsync("Healthy");

            await web.Locator("button[data-action='stop']").ClickAsync();

            await Assertions.Expect(web.Locator(".state")).ToHaveTextAsync("Exited");
            Assert.Equal(ResourceState.Exited, fixture.App.ResourceNotifications.Get("web").State);
            Assert.All(fixture.App.ResourceNotifications.Get("web").Replicas, r => Assert.False(r.Pid is int pid && ProcessProbe.IsAlive(pid)));

            await web.Locator("button[data-action='start']").ClickAsync();
            // The click reaches the app host through the dashboard's API: until then the web is still Exited.
            await Assertions.Expect(web.Locator(".state")).Not.ToHaveTextAsync("Exited");
            await fixture.App.WaitForResourceHealthyAsync("web", AppHostFixture.StartTimeout, TestContext.Current.CancellationToken);
            await Assertions.Expect(web.Locator(".state")).ToHaveTextAsync("Healthy");
        });
    }
}

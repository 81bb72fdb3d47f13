using Mensageria.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Mensageria.Tests.Browser;

[Collection(SharedAppDefinition.Name)]
public sealed class ShopPageTests(AppHostFixture fixture)
{
    [Fact]
    public async Task The_shop_lists_every_product_with_price_and_stock() =>
        await WithBrowserAsync(nameof(The_shop_lists_every_product_with_price_and_stock), async browser =>
        {
            var page = await browser.OpenAsync(fixture.App.GetEndpoint("web"));

            await Assertions.Expect(page.Locator(".product")).ToHaveCountAsync(20);
            await Assertions.Expect(page.Locator(".product[data-sku='ESP-001'] .price")).ToHaveTextAsync("€24.90");
            await Assertions.Expect(page.Locator(".product[data-sku='GFT-001'] [data-stock]")).ToContainTextAsync("in stock");
        });

    [Fact]
    public async Task An_order_placed_with_the_form_moves_through_the_feed_to_Completed() =>
        await WithBrowserAsync(nameof(An_order_placed_with_the_form_moves_through_the_feed_to_Completed), async browser =>
        {
            var page = await browser.OpenAsync(fixture.App.GetEndpoint("web"));
            await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("live");

            await page.FillAsync("#customer-id", "browser-1");
            await page.FillAsync("#qty-TEA-001", "2");
            await page.ClickAsync("#place-order");

            await Assertions.Expect(page.Locator("#order-result")).ToContainTextAsync("accepted");
            var id = await page.Locator("#order-result").GetAttributeAsync("data-order-id");
            await Assertions.Expect(page.Locator($"li[data-order-id='{id}'] .status")).ToHaveTextAsync("Completed");
            await Assertions.Expect(page.Locator($"li[data-order-id='{id}'] .detail")).ToContainTextAsync("invoice INV-");
        });

    [Fact]
    public async Task An_order_posted_to_the_API_appears_in_two_open_pages_without_a_reload() =>
        await WithBrowserAsync(nameof(An_order_posted_to_the_API_appears_in_two_open_pages_without_a_reload), async browser =>
        {
            var first = await browser.OpenAsync(fixture.App.GetEndpoint("web"));
            var second = await browser.OpenAsync(fixture.App.GetEndpoint("web"));
            await Assertions.Expect(first.Locator("#connection")).ToHaveTextAsync("live");
            await Assertions.Expect(second.Locator("#connection")).ToHaveTextAsync("live");
            using var orders = OrdersClient.For(fixture.App);

            var id = await orders.PlaceAcceptedAsync("from-curl", [("MUG-001", 1)], TestContext.Current.CancellationToken);

            await Assertions.Expect(first.Locator($"li[data-order-id='{id}'] .status")).ToHaveTextAsync("Completed");
            await Assertions.Expect(second.Locator($"li[data-order-id='{id}'] .status")).ToHaveTextAsync("Completed");
        });

    [Fact]
    public async Task The_form_shows_a_workers_quote_as_the_lines_change() =>
        await WithBrowserAsync(nameof(The_form_shows_a_workers_quote_as_the_lines_change), async browser =>
        {
            var page = await browser.OpenAsync(fixture.App.GetEndpoint("web"));
            await Assertions.Expect(page.Locator(".product")).ToHaveCountAsync(20);

            await page.FillAsync("#qty-TEA-001", "2");
            await Assertions.Expect(page.Locator("#quote")).ToHaveAttributeAsync("data-state", "available");
            await Assertions.Expect(page.Locator("#quote")).ToContainTextAsync("all in stock, €17.80 (from worker-");

            await page.FillAsync("#qty-GFT-001", "1000");
            await Assertions.Expect(page.Locator("#quote")).ToHaveAttributeAsync("data-state", "short");
            await Assertions.Expect(page.Locator("#quote")).ToContainTextAsync("Tasting box (limited) short by");

            await page.FillAsync("#qty-GFT-001", "");
            await page.FillAsync("#qty-TEA-001", "");
            await Assertions.Expect(page.Locator("#quote")).ToBeHiddenAsync();
        });

    [Fact]
    public async Task An_invalid_order_shows_the_API_errors_next_to_their_fields() =>
        await WithBrowserAsync(nameof(An_invalid_order_shows_the_API_errors_next_to_their_fields), async browser =>
        {
            var page = await browser.OpenAsync(fixture.App.GetEndpoint("web"));
            await Assertions.Expect(page.Locator(".product")).ToHaveCountAsync(20);

            await page.FillAsync("#qty-ESP-001", "1001");
            await page.ClickAsync("#place-order");

            await Assertions.Expect(page.Locator("[data-field='customerId']")).ToContainTextAsync("customer id is required");
            await Assertions.Expect(page.Locator("[data-line-sku='ESP-001']")).ToContainTextAsync("1 to 1000");
            await Assertions.Expect(page.Locator("#order-result")).ToContainTextAsync("not valid");
        });

    private static async Task WithBrowserAsync(string testName, Func<BrowserSession, Task> test)
    {
        await using var browser = await BrowserSession.LaunchAsync();
        await browser.RunAsync(testName, () => test(browser));
    }
}

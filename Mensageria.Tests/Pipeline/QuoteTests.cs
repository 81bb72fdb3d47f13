using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mensageria.Messaging.Contracts;
using Mensageria.Tests.Infrastructure;

namespace Mensageria.Tests.Pipeline;

/// <summary><c>POST /api/orders/quote</c>, answered by the shared app's workers over RPC.</summary>
[Collection(SharedAppDefinition.Name)]
public sealed class QuoteTests(AppHostFixture fixture)
{
    [Fact]
    public async Task A_quote_prices_each_line_at_the_catalog_price_and_reserves_nothing()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var orders = OrdersClient.For(fixture.App);

        var quote = await QuoteAsync(orders, [("ESP-001", 2), ("TEA-002", 3)], cancellationToken);

        Assert.True(quote.Available);
        Assert.Equal([("ESP-001", "Espresso beans, 1 kg", 2, 24.90m, 49.80m), ("TEA-002", "Earl Grey, 100 g", 3, 7.50m, 22.50m)],
            quote.Lines.Select(l => (l.Sku, l.Name, l.Quantity, l.UnitPrice, l.Amount)));
        Assert.All(quote.Lines, l => Assert.Equal(0, l.Shortfall));
        Assert.Equal(72.30m, quote.Total);
        Assert.StartsWith("worker-", quote.QuotedBy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quote_beyond_the_stock_says_how_many_are_short_counting_earlier_lines_of_the_same_SKU_first()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var orders = OrdersClient.For(fixture.App);

        var quote = await QuoteAsync(orders, [("GFT-001", 1000), ("GFT-001", 1), ("MLK-001", 1)], cancellationToken);

        Assert.False(quote.Available);
        var (limited, more, plentiful) = (quote.Lines[0], quote.Lines[1], quote.Lines[2]);
        Assert.InRange(limited.InStock, 0, 5);
        Assert.Equal(1000 - limited.InStock, limited.Shortfall);
        Assert.Equal(1, more.Shortfall);
        Assert.Equal(0, plentiful.Shortfall);
        Assert.Equal(49.00m * 1001 + 2.90m, quote.Total);
    }

    [Fact]
    public async Task Both_worker_replicas_answer_quotes()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var orders = OrdersClient.For(fixture.App);
        var answeredBy = new HashSet<string>(StringComparer.Ordinal);

        // The broker hands requests to the two consumers in turn.
        for (var i = 0; i < 40 && answeredBy.Count < 2; i++)
        {
            answeredBy.Add((await QuoteAsync(orders, [("FLT-010", 1)], cancellationToken)).QuotedBy);
        }

        Assert.Equal(fixture.App.Instances("worker").Keys.Order(StringComparer.Ordinal), answeredBy.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{"customerId":"c","lines":[{"sku":"NOPE-1","quantity":1}]}""", "lines[0].sku")]
    [InlineData("""{"customerId":"c","lines":[{"sku":"ESP-001","quantity":0}]}""", "lines[0].quantity")]
    [InlineData("""{"lines":[{"sku":"ESP-001","quantity":1}]}""", "customerId")]
    [InlineData("""{"customerId":"c","lines":[""", "body")]
    public async Task A_quote_follows_the_order_body_rules(string body, string field)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var orders = OrdersClient.For(fixture.App);

        using var response = await orders.PostRawAsync(body, path: "/api/orders/quote", cancellationToken: cancellationToken);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"the problem names '{field}': {problem}");
    }

    private static async Task<Quote> QuoteAsync(OrdersClient orders, (string Sku, int Quantity)[] lines, CancellationToken cancellationToken)
    {
        using var response = await orders.QuoteAsync("quoted", lines, cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        return (await response.Content.ReadFromJsonAsync(MessagingJsonContext.Default.Quote, cancellationToken))!;
    }
}

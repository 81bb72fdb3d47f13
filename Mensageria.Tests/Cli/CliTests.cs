using System.Text.Json;
using Mensageria.Tests.Infrastructure;

namespace Mensageria.Tests.Cli;

/// <summary>The <c>mensageria</c> command line against the shared app, run as a user runs it.</summary>
[Collection(SharedAppDefinition.Name)]
public sealed class CliTests(AppHostFixture fixture)
{
    // The exit codes are a contract with scripts: spelled out here, so changing one fails a test.
    private const int Success = 0;
    private const int Usage = 2;
    private const int Rejected = 3;
    private const int Unavailable = 4;
    private const int OrderRejected = 5;

    [Fact]
    public async Task Order_place_with_wait_follows_the_order_to_Completed()
    {
        var run = await RunAsync("order", "place", "TEA-001:1", "CUP-001:1", "--customer", "cli-1", "--wait");

        Assert.True(run.ExitCode == Success, run.ToString());
        Assert.Contains("accepted; following it live", run.Output, StringComparison.Ordinal);
        Assert.Contains("Processing", run.Output, StringComparison.Ordinal);
        Assert.Contains("Completed", run.Output, StringComparison.Ordinal);
        Assert.Contains("invoice INV-", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_json_an_order_placed_and_followed_is_one_JSON_document_and_show_lists_its_history()
    {
        var run = await RunAsync("--json", "order", "place", "MLK-001:2", "--customer", "cli-2", "--wait");

        Assert.True(run.ExitCode == Success, run.ToString());
        var order = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal("Completed", order.GetProperty("status").GetString());
        Assert.Equal("cli-2", order.GetProperty("customerId").GetString());

        var shown = await RunAsync("order", "show", order.GetProperty("id").GetString()!);
        Assert.True(shown.ExitCode == Success, shown.ToString());
        Assert.Contains("StockReserved", shown.Output, StringComparison.Ordinal);
        Assert.Contains("Oat milk, 1 l", shown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_rejected_for_its_stock_ends_with_its_own_exit_code()
    {
        var run = await RunAsync("order", "place", "GFT-001:1000", "--customer", "cli-3", "--wait");

        Assert.True(run.ExitCode == OrderRejected, run.ToString());
        Assert.Contains("Out of stock: GFT-001", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ESP-001")]
    [InlineData("ESP-001:two")]
    [InlineData("ESP-001:0")]
    public async Task A_line_that_is_not_SKU_QTY_is_a_usage_error(string line)
    {
        var run = await RunAsync("order", "place", line);

        Assert.True(run.ExitCode == Usage, run.ToString());
        Assert.Contains($"'{line}' is not an order line: write SKU:QTY", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task A_wait_timeout_below_one_second_is_a_usage_error_and_places_nothing()
    {
        using var orders = OrdersClient.For(fixture.App);
        var before = (await orders.Http.GetStringAsync(new Uri("/api/orders?limit=1", UriKind.Relative), TestContext.Current.CancellationToken));

        var run = await RunAsync("order", "place", "TEA-001:1", "--customer", "cli-4", "--wait", "--timeout", "0");

        Assert.True(run.ExitCode == Usage, run.ToString());
        Assert.Contains("--timeout is a number of seconds from 1.", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await orders.Http.GetStringAsync(new Uri("/api/orders?limit=1", UriKind.Relative), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Input_the_API_refuses_is_shown_with_its_field_and_exit_code()
    {
        var run = await RunAsync("quote", "NOPE-1:1");

        Assert.True(run.ExitCode == Rejected, run.ToString());
        Assert.Contains("400: The order is not valid.", run.Error, StringComparison.Ordinal);
        Assert.Contains("lines[0].sku: Unknown SKU 'NOPE-1'.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_API_is_its_own_exit_code_with_what_to_do()
    {
        var run = await RunAloneAsync("products", "--api", "http://127.0.0.1:1");

        Assert.True(run.ExitCode == Unavailable, run.ToString());
        Assert.Contains("Is the app running?", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_flags_the_services_are_found_through_the_environment()
    {
        var run = await ProgramRun.RunAsync(SolutionPrograms.Cli, ["--json", "products"], TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken,
            new Dictionary<string, string>(CliRun.Credentials) { ["MENSAGERIA_API_URL"] = fixture.App.GetEndpoint("api").ToString() });

        Assert.True(run.ExitCode == Success, run.ToString());
        Assert.Equal(20, JsonDocument.Parse(run.Output).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task A_quote_reports_the_shortfall_as_JSON_and_as_a_table()
    {
        var json = await RunAsync("--json", "quote", "GFT-001:1000", "TEA-002:1");
        var table = await RunAsync("quote", "TEA-002:2");

        Assert.True(json.ExitCode == Success, json.ToString());
        var quote = JsonDocument.Parse(json.Output).RootElement;
        Assert.False(quote.GetProperty("available").GetBoolean());
        Assert.True(quote.GetProperty("lines")[0].GetProperty("shortfall").GetInt32() >= 995);
        Assert.True(table.ExitCode == Success, table.ToString());
        Assert.Contains("Total 15.00: all in stock", table.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("queues")]
    [InlineData("dead-letters", "list")]
    [InlineData("orders", "list", "--limit", "5")]
    public async Task Every_listing_writes_parseable_JSON(params string[] command)
    {
        var run = await RunAsync(["--json", .. command]);

        Assert.True(run.ExitCode == Success, run.ToString());
        JsonDocument.Parse(run.Output).Dispose();
    }

    [Fact]
    public async Task Queues_as_text_show_both_queues_and_the_workers()
    {
        var run = await RunAsync("queues");

        Assert.True(run.ExitCode == Success, run.ToString());
        Assert.Contains("orders.placed", run.Output, StringComparison.Ordinal);
        Assert.Contains("orders.dead-letter", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"Workers online: \d+", run.Output);
    }

    /// <summary>The command line pointed at the shared app's API and web.</summary>
    private Task<ProgramRun> RunAsync(params string[] arguments) => CliRun.AgainstAsync(fixture.App, arguments);

    /// <summary>The command line with only the arguments given.</summary>
    private static Task<ProgramRun> RunAloneAsync(params string[] arguments) =>
        ProgramRun.RunAsync(SolutionPrograms.Cli, arguments, TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
}

using System.Text.Json;
using Mensageria.Tests.Infrastructure;

namespace Mensageria.Tests.Cli;

/// <summary><c>mensageria keys</c> against the shared app, and the command line without the credentials it needs.</summary>
[Collection(SharedAppDefinition.Name)]
public sealed class CliKeysTests(AppHostFixture fixture)
{
    private const int Success = 0;
    private const int NotAllowed = 7;

    [Fact]
    public async Task A_key_created_on_the_command_line_places_orders_then_stops_working_once_revoked()
    {
        var created = await RunAsync("--json", "keys", "create", "cli-partner", "--expires", "12h", "--rate", "100");
        Assert.True(created.ExitCode == Success, created.ToString());
        var key = JsonDocument.Parse(created.Output).RootElement.GetProperty("key").GetString()!;
        var withKey = new Dictionary<string, string>(CliRun.Credentials) { ["MENSAGERIA_API_KEY"] = key };

        var products = await CliRun.AgainstAsync(fixture.App, ["products"], withKey);
        var listed = await RunAsync("keys", "list");
        var revoked = await RunAsync("keys", "revoke", "cli-partner");
        var refused = await CliRun.AgainstAsync(fixture.App, ["products"], withKey);

        Assert.True(products.ExitCode == Success, products.ToString());
        Assert.True(listed.ExitCode == Success, listed.ToString());
        Assert.Matches(@"cli-partner\s+[0-9a-f]{12}\s+ExpiringSoon", listed.Output);
        Assert.Contains("Expiring soon (within 7.00:00:00):", listed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listed.Output, StringComparison.Ordinal);
        Assert.True(revoked.ExitCode == Success, revoked.ToString());
        Assert.Contains("Revoked cli-partner", revoked.Output, StringComparison.Ordinal);
        Assert.True(refused.ExitCode == NotAllowed, refused.ToString());
        Assert.Contains("has been revoked", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_credentials_the_command_line_says_which_one_is_missing_and_where_to_put_it()
    {
        var none = new Dictionary<string, string>();

        var products = await CliRun.AgainstAsync(fixture.App, ["products"], none);
        var keys = await CliRun.AgainstAsync(fixture.App, ["keys", "list"], none);

        Assert.True(products.ExitCode == NotAllowed, products.ToString());
        Assert.Contains("--api-key or MENSAGERIA_API_KEY", products.Error, StringComparison.Ordinal);
        Assert.True(keys.ExitCode == NotAllowed, keys.ToString());
        Assert.Contains("--operator-secret or MENSAGERIA_OPERATOR_SECRET", keys.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lifetime_the_server_refuses_is_shown_with_its_rule()
    {
        var run = await RunAsync("keys", "create", "never-ending", "--expires", "forever");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("expires: A whole number and a unit", run.Error, StringComparison.Ordinal);
    }

    private Task<ProgramRun> RunAsync(params string[] arguments) => CliRun.AgainstAsync(fixture.App, arguments);
}

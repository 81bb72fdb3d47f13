
using Aspire.Hosting.ApplicationModel;
using Mensageria.Tests.Infrastructure;

namespace Mensageria.Tests.Distributed;

[Collection(SharedAppDefinition.Name)]
public sealed class ExistingServerTests(AppHostFixture fixture)
{
    private static readonly string[] s_services = ["api", "worker", "web"];

    [Fact]
    public async Task Connection_strings_given_to_the_app_host_replace_its_own_servers()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var messaging = await fixture.App.GetRequiredConnectionStringAsync("messaging", cancellationToken);
        var cache = await fixture.App.GetRequiredConnectionStringAsync("cache", cancellationToken);

        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Mensageria_AppHost>(
            [$"--ConnectionStrings:messaging={messaging}", $"--ConnectionStrings:cache={cache}", .. TestCredentials.Arguments()], cancellationToken);
        await using var app = await builder.BuildAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        await Task.WhenAll(s_services.Select(name => app.WaitForHealthyAsync(name, AppHostFixture.StartTimeout, cancellationToken)));

        // No process of its own: the names stand for connection strings, as Aspire's AddConnectionString makes them.
        Assert.DoesNotContain(builder.Resources, r => r is ExecutableResource && r.Name.StartsWith("messaging", StringComparison.Ordinal));
        Assert.DoesNotContain(builder.Resources, r => r is ExecutableResource && r.Name == "cache");
        Assert.Equal(messaging, await app.GetRequiredConnectionStringAsync("messaging", cancellationToken));
        // Without a management API to read, the web still runs and its panel says what is missing.
        using var web = TestCredentials.Operator(app);
        using var panel = await web.GetAsync(new Uri("/ops/queues", UriKind.Relative), cancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, panel.StatusCode);
        Assert.Contains("management", await panel.Content.ReadAsStringAsync(cancellationToken), StringComparison.Ordinal);
    }
}

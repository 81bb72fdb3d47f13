using Mensageria.Hosting.Testing;
using Mensageria.Tests.Infrastructure;

namespace Mensageria.Tests.Distributed;

[Collection(SharedAppDefinition.Name)]
public sealed class ExistingServerTests(AppHostFixture fixture)
{
    [Fact]
    public async Task Connection_strings_given_to_the_app_host_replace_its_own_servers()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var messaging = await fixture.App.GetConnectionStringAsync("messaging", cancellationToken);
        var cache = await fixture.App.GetConnectionStringAsync("cache", cancellationToken);

        await using var app = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Mensageria_AppHost>(
            options => options.Args = [.. options.Args, $"--ConnectionStrings:messaging={messaging}", $"--ConnectionStrings:cache={cache}"],
            cancellationToken);
        await app.StartAsync(cancellationToken);
        await Task.WhenAll(AppHostFixture.ResourceNames.Select(name => app.WaitForResourceHealthyAsync(name, AppHostFixture.StartTimeout, cancellationToken)));

        Assert.Empty(app.ResourceNotifications.Get("messaging").Replicas);
        Assert.Empty(app.ResourceNotifications.Get("cache").Replicas);
        Assert.Equal(messaging, await app.GetConnectionStringAsync("messaging", cancellationToken));
        Assert.False(Directory.Exists(Path.Combine(app.State.Path, "messaging")));
        // Without a management API to read, the web still runs and its panel says what is missing.
        using var web = app.CreateHttpClient("web");
        using var panel = await web.GetAsync(new Uri("/ops/queues", UriKind.Relative), cancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, panel.StatusCode);
        Assert.Contains("management", await panel.Content.ReadAsStringAsync(cancellationToken), StringComparison.Ordinal);
    }
}

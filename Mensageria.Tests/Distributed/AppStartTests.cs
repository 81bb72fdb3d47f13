using System.Net;
using System.Text.Json;
using Mensageria.Tests.Infrastructure;

namespace Mensageria.Tests.Distributed;

[Collection(SharedAppDefinition.Name)]
public sealed class AppStartTests(AppHostFixture fixture)
{
    [Fact]
    public void Every_resource_of_the_app_host_is_healthy_with_its_processes_running()
    {
        var instances = AppHostFixture.ResourceNames.SelectMany(name => fixture.App.Instances(name)).ToList();

        Assert.Equal(2, fixture.App.Instances("worker").Count);
        Assert.All(instances, i => Assert.True(i.Value.IsHealthy(), $"{i.Key} is {i.Value.StateText()} ({i.Value.HealthStatus})"));
        Assert.All(instances, i => Assert.True(ProcessProbe.IsAlive(i.Value.Pid()), $"{i.Key} (pid {i.Value.Pid()}) is not running"));
    }

    [Fact]
    public async Task The_local_servers_offer_what_aspire_containers_offer()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        var broker = new Uri(await fixture.App.GetRequiredConnectionStringAsync("messaging", cancellationToken));
        var cache = await fixture.App.GetRequiredConnectionStringAsync("cache", cancellationToken);

        Assert.Equal("amqp", broker.Scheme);
        Assert.Equal("guest", broker.UserInfo.Split(':')[0]);
        Assert.NotEqual("guest", broker.UserInfo.Split(':')[1]);
        Assert.Matches(@"^localhost:\d+,password=.+$", cache);
        Assert.Equal("http", fixture.App.GetEndpoint("messaging", "management").Scheme);
    }

    [Theory]
    [InlineData("api")]
    [InlineData("web")]
    [InlineData("worker")]
    public async Task Every_service_answers_health_and_liveness(string resource)
    {
        using var client = fixture.App.CreateHttpClient(resource, "http");

        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
        using var alive = await client.GetAsync(new Uri("/alive", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public async Task The_web_reaches_the_api_through_service_discovery()
    {
        using var client = fixture.App.CreateHttpClient("web");

        var products = await client.GetStringAsync(new Uri("/shop/products", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(20, JsonDocument.Parse(products).RootElement.GetArrayLength());
    }
}

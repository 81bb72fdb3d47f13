using System.Net;
using System.Text.Json;
using Mensageria.Hosting.Lifecycle;
using Mensageria.Tests.Infrastructure;

namespace Mensageria.Tests.Distributed;

[Collection(SharedAppDefinition.Name)]
public sealed class AppStartTests(AppHostFixture fixture)
{
    [Fact]
    public void Every_resource_of_the_app_host_is_healthy_with_its_processes_running()
    {
        var snapshots = fixture.App.ResourceNotifications.Snapshots;

        Assert.Equal(AppHostFixture.ResourceNames.Order(), snapshots.Select(s => s.Name).Order());
        Assert.All(snapshots, s => Assert.Equal(ResourceState.Healthy, s.State));
        Assert.Equal(["worker-0", "worker-1"], fixture.App.ResourceNotifications.Get("worker").Replicas.Select(r => r.Id));
        Assert.All(snapshots.SelectMany(s => s.Replicas), r => Assert.True(ProcessProbe.IsAlive(r.Pid!.Value), $"{r.Id} (pid {r.Pid}) is not running"));
    }

    [Fact]
    public void Resources_json_lists_every_resource_with_state_health_endpoints_and_pids()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(fixture.App.State.ResourcesFile));
        var resources = document.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);

        Assert.Equal(AppHostFixture.ResourceNames.Order(), resources.Keys.Order());
        foreach (var (name, resource) in resources)
        {
            Assert.Equal("Healthy", resource.GetProperty("state").GetString());
            Assert.Equal("Healthy", resource.GetProperty("health").GetString());
            Assert.NotEmpty(resource.GetProperty("type").GetString()!);
            Assert.NotEmpty(resource.GetProperty("endpoints").EnumerateObject());
            var pids = resource.GetProperty("replicas").EnumerateArray().Select(r => r.GetProperty("pid").GetInt32()).ToList();
            Assert.True(pids.Count > 0, $"{name} lists no pid");
        }

        Assert.StartsWith("http://127.0.0.1:", resources["messaging"].GetProperty("endpoints").GetProperty("management").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, resources["worker"].GetProperty("replicas").GetArrayLength());
    }

    [Theory]
    [InlineData("api")]
    [InlineData("web")]
    [InlineData("worker", "http-1")]
    public async Task Every_service_answers_health_and_liveness(string resource, string endpoint = "http")
    {
        using var client = fixture.App.CreateHttpClient(resource, endpoint);

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

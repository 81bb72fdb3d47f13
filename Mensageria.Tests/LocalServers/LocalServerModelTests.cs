using Aspire.Hosting.ApplicationModel;
using Mensageria.Hosting.LocalServers;
using Mensageria.Tests.Infrastructure;

namespace Mensageria.Tests.LocalServers;

/// <summary>Which resources the AppHost's model holds for RabbitMQ and Redis, by policy and mode (built, not started).</summary>
public sealed class LocalServerModelTests
{
    [Fact]
    public async Task With_local_processes_the_servers_are_executables_with_their_own_epmd()
    {
        var resources = await ModelAsync("--LocalServers:Policy=Always");

        Assert.IsType<RabbitMQServerProcessResource>(resources["messaging"]);
        Assert.IsType<RedisServerProcessResource>(resources["cache"]);
        Assert.IsType<EpmdResource>(resources["messaging-epmd"]);
        Assert.DoesNotContain(resources.Values, r => r is ContainerResource);
    }

    [Fact]
    public async Task With_containers_asked_for_the_model_holds_aspires_own_containers_unchanged()
    {
        var resources = await ModelAsync("--LocalServers:Policy=Never");

        Assert.IsType<RabbitMQServerResource>(resources["messaging"]);
        Assert.IsType<RedisResource>(resources["cache"]);
        Assert.False(resources.ContainsKey("messaging-epmd"));
    }

    [Fact]
    public async Task In_publish_mode_the_model_holds_aspires_containers_whatever_the_policy()
    {
        var resources = await ModelAsync("--operation", "publish", "--LocalServers:Policy=Always");

        Assert.IsType<RabbitMQServerResource>(resources["messaging"]);
        Assert.IsType<RedisResource>(resources["cache"]);
    }

    [Fact]
    public async Task An_existing_server_given_by_connection_string_replaces_the_process()
    {
        var resources = await ModelAsync("--LocalServers:Policy=Always", "--ConnectionStrings:cache=localhost:6379");

        Assert.IsNotType<RedisServerProcessResource>(resources["cache"]);
        Assert.IsNotType<RedisResource>(resources["cache"]);
        Assert.Equal("localhost:6379", await ((IResourceWithConnectionString)resources["cache"]).GetConnectionStringAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<Dictionary<string, IResource>> ModelAsync(params string[] arguments)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Mensageria_AppHost>(
            [$"--LocalServers:DataDirectory={TestDataRoot.NewAppFolder()}", .. arguments], TestContext.Current.CancellationToken);
        return builder.Resources.ToDictionary(r => r.Name, StringComparer.Ordinal);
    }
}

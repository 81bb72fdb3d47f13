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

    [Fact]
    public async Task Asked_for_three_nodes_the_broker_is_a_cluster_whose_clients_learn_every_node()
    {
        var resources = await ModelAsync("--LocalServers:Policy=Always", "--Messaging:Nodes=3");

        var first = Assert.IsType<RabbitMQServerProcessResource>(resources["messaging"]);
        var others = new[] { resources["messaging-2"], resources["messaging-3"] }.Cast<RabbitMQServerProcessResource>().ToList();
        Assert.Equal(["messaging@localhost", "messaging-2@localhost", "messaging-3@localhost"], first.Nodes.Select(n => n.NodeName));
        Assert.All(others, node =>
        {
            Assert.Same(first, node.FirstNode);
            Assert.False(node.HasManagementPlugin);
            // New, so it joins the first node once that one is up; and it shows under it in the dashboard.
            Assert.Contains(node.Annotations.OfType<WaitAnnotation>(), w => w.Resource == first);
            Assert.Contains(node.Annotations.OfType<ResourceRelationshipAnnotation>(), r => r.Resource == first && r.Type == "Parent");
        });
        Assert.Single(resources.Values.OfType<EpmdResource>());
        var nodes = ((IResourceWithConnectionString)first).GetConnectionProperties().Single(p => p.Key == "Nodes").Value;
        Assert.Equal(3, nodes.ValueProviders.Count);
    }

    [Fact]
    public async Task One_node_has_no_cluster_and_no_node_list()
    {
        var resources = await ModelAsync("--LocalServers:Policy=Always");

        Assert.Single(((RabbitMQServerProcessResource)resources["messaging"]).Nodes);
        Assert.False(resources.ContainsKey("messaging-2"));
        Assert.DoesNotContain(((IResourceWithConnectionString)resources["messaging"]).GetConnectionProperties(), p => p.Key == "Nodes");
    }

    [Fact]
    public async Task A_broker_that_ran_as_a_larger_cluster_is_refused_with_fewer_nodes_and_told_what_to_delete()
    {
        var data = TestDataRoot.NewAppFolder();
        Directory.CreateDirectory(Path.Combine(data, "messaging-3", "data"));

        var refused = await Assert.ThrowsAsync<DistributedApplicationException>(() => DistributedApplicationTestingBuilder.CreateAsync<Projects.Mensageria_AppHost>(
            [$"--LocalServers:DataDirectory={data}", "--LocalServers:Policy=Always", "--Messaging:Nodes=2"], TestContext.Current.CancellationToken));

        Assert.Contains(Path.Combine(data, "messaging-3"), refused.Message, StringComparison.Ordinal);
        Assert.Contains("delete the data folders", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<Dictionary<string, IResource>> ModelAsync(params string[] arguments)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Mensageria_AppHost>(
            [$"--LocalServers:DataDirectory={TestDataRoot.NewAppFolder()}", .. arguments], TestContext.Current.CancellationToken);
        return builder.Resources.ToDictionary(r => r.Name, StringComparer.Ordinal);
    }
}

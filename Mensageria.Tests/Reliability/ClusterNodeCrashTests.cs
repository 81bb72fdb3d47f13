using Mensageria.Messaging.Topology;
using Mensageria.Tests.Infrastructure;

namespace Mensageria.Tests.Reliability;

/// <summary>
/// One node of a three-node RabbitMQ cluster killed with SIGKILL while orders arrive at a steady rate: the
/// other two are a majority, so the quorum queues go on and the services recover their connections on them.
/// Orders are accepted again while the node is still down (it is started only after that), nothing accepted
/// is lost or done twice, and the node rejoins: running, and a member of every quorum queue again.
/// </summary>
[Collection(OneAtATimeDefinition.Name)]
public sealed class ClusterNodeCrashTests(ClusterAppFixture fixture) : IClassFixture<ClusterAppFixture>
{
    [Theory]
    [InlineData("api", "SIGKILL the API's RabbitMQ node, 1 of 3")]
    [InlineData("leader", "SIGKILL the orders.placed leader's node, 1 of 3")]
    public async Task A_node_killed_under_load_loses_no_accepted_order_while_the_others_go_on_and_rejoins(string target, string fault)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var cluster = await ClusterProbe.ConnectAsync(fixture.App, cancellationToken);
        await cluster.WaitUntilWholeAsync(cancellationToken);
        var leader = (await cluster.QueueAsync(MessagingTopology.OrdersQueue, cancellationToken)).Leader;
        var connections = target == "api" ? await WaitForApiConnectionAsync(cluster, cancellationToken) : await cluster.ConnectionsAsync(cancellationToken);
        var node = target == "api" ? connections.Single(n => n.Contains("api")).Key : leader;
        var killed = $"{node}: {(node == leader ? "the orders.placed leader" : "a follower")}, with the connections of {string.Join(", ", connections[node].Order(StringComparer.Ordinal))}";

        await CrashUnderLoad.RunAsync(fixture.App, $"crash-cluster-{target}", fault, async load =>
        {
            var resource = node.Split('@')[0];
            var instance = fixture.App.Instances(resource).Keys.Single();
            var killedAt = load.Now;
            fixture.App.KillInstance(instance);
            await fixture.App.WaitForInstanceAsync(instance, AppResources.IsStopped, "stopped", AppResources.Timeout, cancellationToken);

            // Without the node: an order sent a second after the kill is accepted before the node is started again.
            while (!(load.LastAcceptedSentAt > killedAt + 1))
            {
                Assert.True(load.Now < killedAt + 60, $"no order was accepted in the minute after {killed} was killed");
                await Task.Delay(50, cancellationToken);
            }

            await fixture.App.StartInstanceAsync(instance, cancellationToken);
            await fixture.App.WaitForHealthyAsync(resource, AppHostFixture.StartTimeout, cancellationToken);
            return killedAt;
        }, unansweredAllowed: false, note: $"Killed {killed}.", cancellationToken);

        // Rejoined: running in the cluster, with its replica of every quorum queue online again.
        await cluster.WaitUntilWholeAsync(cancellationToken);
    }

    /// <summary>
    /// The connections by node once the api's is among them. The management API lists a new connection only at its
    /// node's next statistics round (every 5 s), later on a node short of CPU.
    /// </summary>
    private static async Task<ILookup<string, string>> WaitForApiConnectionAsync(ClusterProbe cluster, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var connections = await cluster.ConnectionsAsync(cancellationToken);
        while (!connections.Any(n => n.Contains("api")))
        {
            Assert.True(DateTime.UtcNow < deadline,
                $"the management API listed no connection of the api in 60 s; it lists {string.Join("; ", connections.Select(n => $"{n.Key}: {string.Join(", ", n)}"))}");
            await Task.Delay(500, cancellationToken);
            connections = await cluster.ConnectionsAsync(cancellationToken);
        }

        return connections;
    }
}

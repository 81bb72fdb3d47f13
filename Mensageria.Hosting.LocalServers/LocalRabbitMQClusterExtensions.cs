using Aspire.Hosting.ApplicationModel;
using Mensageria.Hosting.LocalServers;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting;

/// <summary>Runs the local RabbitMQ node as the first of a cluster of local nodes.</summary>
public static class LocalRabbitMQClusterExtensions
{
    /// <summary>The most nodes one machine's cluster takes here: enough for a majority to survive two losses.</summary>
    public const int MaxNodes = 5;

    /// <summary>
    /// With <paramref name="count"/> above one, adds nodes <c>{name}-2</c> … <c>{name}-{count}</c> beside the
    /// local node, each its own process with its own data (<c>LocalServers:DataDirectory</c>), joined into one
    /// cluster, so quorum queues keep a replica on every node and go on while a majority of nodes runs. A new
    /// node waits for the first one, joins it, and is then made a member of every quorum queue; a node with data
    /// rejoins its cluster whatever the order of start. What waits for the broker waits for every node. The connection
    /// properties list every node (<c>Nodes</c>), for clients that fail over. A container or an existing broker is left as it is.
    /// </summary>
    public static IResourceBuilder<RabbitMQServerProcessResource> WithNodes(this IResourceBuilder<RabbitMQServerProcessResource> builder, int count)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxNodes);
        var first = builder.Resource;
        if (first.StandsFor is not null)
        {
            return builder;
        }

        if (first.FirstNode is not null || first.Nodes.Count > 1)
        {
            throw new InvalidOperationException($"'{first.Name}' is already a node of a cluster: call WithNodes once, on the first node.");
        }

        var app = builder.ApplicationBuilder;
        if (Directory.Exists(LocalServerSettings.DataDirectoryPath(app, NodeResourceName(count + 1))))
        {
            // Its queues' replicas on the missing nodes would still count, so they would have no majority.
            throw new DistributedApplicationException(
                $"'{first.Name}' ran as a cluster of more than {count} node(s): its data is also in " +
                $"{LocalServerSettings.DataDirectoryPath(app, NodeResourceName(count + 1))}. Run it with as many nodes as before, " +
                $"or delete the data folders of '{first.Name}' and its nodes (their queues go with them) to start with {count}.");
        }

        var joined = new List<RabbitMQServerProcessResource>();
        for (var number = 2; number <= count; number++)
        {
            var name = NodeResourceName(number);
            var node = first.Join(name, LocalServerSettings.DataDirectory(app, name));
            joined.Add(node);
            var isNew = !Directory.Exists(Path.Combine(node.DataDirectory, "data", node.NodeName));
            var nodeBuilder = LocalServerBuilder.Add(app, node, broker => new RabbitMQServerProcessHealthCheck(broker))
                .WithLocalNode()
                .WithParentRelationship(builder)
                .OnResourceReady((resource, ready, cancellationToken) =>
                    QuorumQueueMembership.GrowAsync(resource, ready.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource), cancellationToken));
            if (isNew)
            {
                // Joined to a running first node, a new node cannot start a cluster of its own. Only then: a node
                // with data may be the one the first node waits for, as the last of the cluster to have stopped.
                nodeBuilder.WaitFor(builder);
            }
        }

        // What waits for the broker waits for every node. Then a service declares its queues once all nodes have joined,
        // and each quorum queue gets a replica on every node: one declared while a node was still joining got none
        // there, and nothing added it later (a test saw orders.dead-letter on 2 nodes of 3).
        app.Eventing.Subscribe<BeforeStartEvent>((start, _) =>
        {
            // The nodes themselves are left out: a joining node waits for the first one only, else they would wait for each other.
            var services = start.Model.Resources.Where(r => !joined.Contains(r) && r.Annotations.OfType<WaitAnnotation>().Any(w => w.Resource == first));
            foreach (var waiting in services.ToList())
            {
                foreach (var node in joined)
                {
                    waiting.Annotations.Add(new WaitAnnotation(node, WaitType.WaitUntilHealthy));
                }
            }

            return Task.CompletedTask;
        });
        return builder;

        string NodeResourceName(int number) => $"{first.Name}-{number}";
    }
}

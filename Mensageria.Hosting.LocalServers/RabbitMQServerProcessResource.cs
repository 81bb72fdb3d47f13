using Aspire.Hosting.ApplicationModel;

namespace Mensageria.Hosting.LocalServers;

/// <summary>
/// A RabbitMQ node run from Debian's <c>rabbitmq-server</c> as a local process, offering what Aspire's
/// <see cref="RabbitMQServerResource"/> offers: the same name, endpoints (<c>tcp</c>, <c>management</c>),
/// credentials and connection string. The first node may have others joined to it as one cluster; its
/// connection properties then list every node (<c>Nodes</c>), so that clients can fail over between them.
/// </summary>
public sealed class RabbitMQServerProcessResource(string name, RabbitMQServerResource definition, string dataDirectory)
    : LocalServerResource(name, ServerScript, dataDirectory)
{
    internal const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    internal const string QueuesScript = "/usr/lib/rabbitmq/bin/rabbitmq-queues";
    internal const string DebianPackage = "rabbitmq-server";

    private readonly List<RabbitMQServerProcessResource> _joined = [];
    private EpmdResource? _epmd;

    /// <summary>Aspire's resource whose settings (user, password, management plugin) this one runs with.</summary>
    public RabbitMQServerResource Definition { get; } = definition;

    /// <summary>The Erlang node name, which RabbitMQ shows for the node in its cluster and queue figures.</summary>
    public string NodeName => $"{Name}@localhost";

    /// <summary>The node this one joined as a cluster, or null for the first node.</summary>
    public RabbitMQServerProcessResource? FirstNode { get; private init; }

    /// <summary>Every node of the cluster, the first one first: only this one when it runs alone.</summary>
    public IReadOnlyList<RabbitMQServerProcessResource> Nodes => FirstNode?.Nodes ?? [this, .. _joined];

    /// <summary>The Erlang port mapper every node of the cluster registers with: the first node's.</summary>
    internal EpmdResource? Epmd
    {
        get => FirstNode is null ? _epmd : FirstNode.Epmd;
        set => _epmd = value;
    }

    public EndpointReference ManagementEndpoint => new(this, "management");

    /// <summary>
    /// Whether the node serves the management API on <see cref="ManagementEndpoint"/>: the first node does when
    /// Aspire's resource has the plugin (an existing broker has none that the app host knows of); the others only
    /// send it their figures.
    /// </summary>
    public bool HasManagementPlugin =>
        FirstNode is null && StandsFor is (null or RabbitMQServerResource) && Definition.Annotations.OfType<EndpointAnnotation>().Any(e => e.Name == "management");

    protected override ReferenceExpression ProcessConnectionString => ReferenceExpression.Create(
        $"amqp://{Definition.UserNameReference}:{Definition.PasswordParameter}@{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)}");

    /// <summary>Makes a node that joins this one's cluster when it first starts.</summary>
    internal RabbitMQServerProcessResource Join(string nodeName, string nodeDataDirectory)
    {
        var node = new RabbitMQServerProcessResource(nodeName, Definition, nodeDataDirectory) { FirstNode = this };
        _joined.Add(node);
        return node;
    }

    protected override IEnumerable<KeyValuePair<string, ReferenceExpression>> ProcessConnectionProperties()
    {
        yield return new("Host", Host);
        yield return new("Port", Port);
        yield return new("Username", Definition.UserNameReference);
        yield return new("Password", ReferenceExpression.Create($"{Definition.PasswordParameter}"));
        yield return new("Uri", ProcessConnectionString);
        if (Nodes.Count > 1)
        {
            // host:port of every node, comma-separated, as RabbitMQ.Client's AmqpTcpEndpoint.ParseMultiple reads them.
            var nodes = new ReferenceExpressionBuilder();
            for (var i = 0; i < Nodes.Count; i++)
            {
                if (i > 0)
                {
                    nodes.AppendLiteral(",");
                }

                nodes.AppendFormatted(Nodes[i].PrimaryEndpoint.Property(EndpointProperty.HostAndPort));
            }

            yield return new("Nodes", nodes.Build());
        }
    }
}

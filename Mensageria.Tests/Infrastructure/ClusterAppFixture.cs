namespace Mensageria.Tests.Infrastructure;

/// <summary>A private app whose broker is a cluster of three local RabbitMQ nodes, as <c>--Messaging:Nodes=3</c> runs it.</summary>
public sealed class ClusterAppFixture : PrivateAppFixture
{
    public const int Nodes = 3;

    public static readonly string[] NodeResources = ["messaging", "messaging-2", "messaging-3"];

    protected override string[] Arguments => [$"--Messaging:Nodes={Nodes}"];

    protected override async Task StartedAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        await Task.WhenAll(NodeResources.Select(node => app.WaitForHealthyAsync(node, AppHostFixture.StartTimeout, cancellationToken)));
        using var cluster = await ClusterProbe.ConnectAsync(app, cancellationToken);
        await cluster.WaitUntilWholeAsync(cancellationToken);
    }
}

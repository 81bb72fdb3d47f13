using System.Diagnostics;
using Aspire.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Mensageria.Hosting.LocalServers;

/// <summary>
/// Makes a node that joined the cluster a member of every quorum queue: RabbitMQ gives a new queue a replica
/// on each node of the cluster as it is then, and adds none when a node joins later (as when the services
/// declared their queues before this node joined, or the broker ran alone before it became a cluster).
/// </summary>
internal static partial class QuorumQueueMembership
{
    public static async Task GrowAsync(RabbitMQServerProcessResource node, ILogger logger, CancellationToken cancellationToken)
    {
        // RabbitMQ's tools start an epmd daemon of their own when they find none, which would outlive the app:
        // only while the cluster's epmd runs, and never past the app's stop.
        var epmd = new TcpListeningHealthCheck(node.Epmd!.Port);
        if ((await epmd.CheckHealthAsync(new HealthCheckContext(), cancellationToken)).Status != HealthStatus.Healthy)
        {
            return;
        }

        var start = new ProcessStartInfo(RabbitMQServerProcessResource.QueuesScript)
        {
            ArgumentList = { "--node", node.NodeName, "grow", node.NodeName, "all" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in LocalRabbitMQConfiguration.ToolEnvironment(node))
        {
            start.Environment[name] = value;
        }

        // The tool is an Erlang node too: a port of its own rather than RabbitMQ's default range, which a local
        // server's port may hold.
        var port = LocalRabbitMQBuilderExtensions.Text(FreePort.Next());
        start.Environment["RABBITMQ_CTL_DIST_PORT_MIN"] = port;
        start.Environment["RABBITMQ_CTL_DIST_PORT_MAX"] = port;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        // WaitForExitAsync kills nothing when cancelled: the app's stop does.
        using var stop = cancellationToken.Register(() => process.Kill(entireProcessTree: true));
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var result = await (process.ExitCode == 0 ? output : error);
        if (process.ExitCode == 0)
        {
            LogGrown(logger, node.NodeName, result);
        }
        else
        {
            LogGrowFailed(logger, node.NodeName, process.ExitCode, result);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Made {Node} a member of every quorum queue:\n{Result}")]
    private static partial void LogGrown(ILogger logger, string node, string result);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not make {Node} a member of the quorum queues (exit code {ExitCode}): {Error}. " +
        "Until it is, those queues keep no replica there: restart the node, and the app host tries again once it is ready.")]
    private static partial void LogGrowFailed(ILogger logger, string node, int exitCode, string error);
}

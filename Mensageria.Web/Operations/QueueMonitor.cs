using Mensageria.Messaging.Topology;
using Microsoft.Extensions.Options;

namespace Mensageria.Web.Operations;

/// <summary>Puts the panel together: both queues' figures, their backlog states, and the workers online (consumers of the order queue).</summary>
public sealed class QueueMonitor(BrokerManagementClient management, IOptions<OperationsOptions> options)
{
    public async Task<OperationsPanel> GetPanelAsync(CancellationToken cancellationToken)
    {
        var managementUrl = management.BaseAddress ?? throw new HttpRequestException(
            "The web has no address for the broker's management API: run the broker with its management plugin " +
            "(WithManagementPlugin) or set services__messaging__management__0.");
        var orders = Figures(MessagingTopology.OrdersQueue, await management.GetQueueAsync(MessagingTopology.OrdersQueue, cancellationToken));
        var deadLetters = Figures(MessagingTopology.DeadLetterQueue, await management.GetQueueAsync(MessagingTopology.DeadLetterQueue, cancellationToken));
        return new OperationsPanel(orders, deadLetters, orders.Consumers, managementUrl, options.Value.DashboardUrl);
    }

    public BacklogState StateOf(long ready) =>
        ready >= options.Value.AlertBacklog ? BacklogState.Alert
        : ready >= options.Value.SlowBacklog ? BacklogState.Slow
        : BacklogState.Normal;

    private QueueFigures Figures(string name, (long Ready, long Unacked, int Consumers, double PublishRate, double DeliverRate) q) =>
        new(name, q.Ready, q.Unacked, q.Consumers, q.PublishRate, q.DeliverRate, StateOf(q.Ready));
}

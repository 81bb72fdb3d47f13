namespace Mensageria.Web.Operations;

/// <summary>What the operations panel shows: the order and dead-letter queues, workers online, and where to look further.</summary>
public sealed record OperationsPanel(
    QueueFigures Orders, QueueFigures DeadLetters, int WorkersOnline, Uri ManagementUrl, Uri? DashboardUrl);

namespace Mensageria.Web.Operations;

/// <summary>One queue as the broker's management API reports it, with its backlog state.</summary>
public sealed record QueueFigures(
    string Name, long Ready, long Unacked, int Consumers, double PublishRate, double DeliverRate, BacklogState State);

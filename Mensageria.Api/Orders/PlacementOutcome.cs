namespace Mensageria.Api.Orders;

/// <summary>How a placement ended: accepted (now or by an earlier request with the same key), a key conflict, or unavailable.</summary>
public abstract record PlacementOutcome
{
    public sealed record Accepted(string OrderId) : PlacementOutcome;

    public sealed record KeyConflict(string Detail) : PlacementOutcome;

    public sealed record Unavailable(string Detail) : PlacementOutcome;
}

namespace Mensageria.Api.Orders;

/// <summary>The answer to an accepted order: its id and where to follow it.</summary>
public sealed record OrderAccepted(string OrderId, string Status, string Location);

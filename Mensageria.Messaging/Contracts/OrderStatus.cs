namespace Mensageria.Messaging.Contracts;

/// <summary>An order's life: forward only, ending in <see cref="Completed"/> or <see cref="Rejected"/>.</summary>
public enum OrderStatus
{
    Accepted,
    Processing,
    StockReserved,
    Invoiced,
    Completed,
    Rejected,
}

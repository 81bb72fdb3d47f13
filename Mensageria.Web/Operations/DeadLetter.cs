namespace Mensageria.Web.Operations;

/// <summary>
/// One message in <c>orders.dead-letter</c>: the order it carried, why and from where it was
/// dead-lettered, how many times, and when first.
/// </summary>
public sealed record DeadLetter(
    string? OrderId, string? MessageId, string? Reason, string? Queue, long Deaths, DateTimeOffset? FirstDeathAt, string? CustomerId, int Lines);

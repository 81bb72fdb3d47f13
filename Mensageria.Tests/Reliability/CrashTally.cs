using System.Net;
using Mensageria.Messaging.Contracts;
using Mensageria.Tests.Infrastructure;

namespace Mensageria.Tests.Reliability;

/// <summary>What a crash under load came to, and the checks every case must pass.</summary>
internal static class CrashTally
{
    public static CrashMatrixRow Count(
        string fault, IReadOnlyList<OrderAttempt> attempts, IReadOnlyList<OrderAttempt> settled, IReadOnlyDictionary<string, (OrderStatus Status, string? Invoice)> outcomes,
        IReadOnlyDictionary<string, int> stockBefore, IReadOnlyDictionary<string, int> stockAfter, double killedAt)
    {
        var completed = settled.Where(a => a.OrderId is not null && outcomes[a.OrderId].Status == OrderStatus.Completed).DistinctBy(a => a.OrderId).ToList();
        var invoices = completed.Select(a => outcomes[a.OrderId!].Invoice).ToList();
        var wrongStock = stockBefore.Keys.Count(sku =>
            stockBefore[sku] - stockAfter[sku] != completed.SelectMany(a => a.Lines).Where(l => l.Sku == sku).Sum(l => l.Quantity));
        // Accepting again, counted from the kill: the first 202 to a request sent after the last one the
        // crash cost (refused or unanswered); with none lost, the first 202 after the kill.
        var after = attempts.Where(a => a.SentAt >= killedAt).ToList();
        var lastFailure = after.Where(a => a.Status != HttpStatusCode.Accepted).Select(a => a.SentAt).DefaultIfEmpty(killedAt).Max();
        var acceptedAgainAt = after.Where(a => a.SentAt >= lastFailure && a.Status == HttpStatusCode.Accepted).Select(a => a.AnsweredAt).DefaultIfEmpty(double.NaN).Min();
        return new CrashMatrixRow(
            fault,
            attempts.Count,
            attempts.Count(a => a.Status == HttpStatusCode.Accepted),
            attempts.Count(a => a.Status == HttpStatusCode.ServiceUnavailable),
            attempts.Count(a => a.Status is null),
            completed.Count,
            outcomes.Values.Count(o => o.Status == OrderStatus.Rejected),
            outcomes.Values.Count(o => o.Status is not (OrderStatus.Completed or OrderStatus.Rejected)),
            invoices.Count(i => i is null) + invoices.Count - invoices.Distinct().Count() + wrongStock,
            acceptedAgainAt - killedAt);
    }

    /// <summary>Every answer a 202 or a 503 with Retry-After; nothing lost or done twice; orders accepted again after the crash.</summary>
    public static void AssertHeld(CrashMatrixRow row, IReadOnlyList<OrderAttempt> attempts, bool unansweredAllowed)
    {
        Assert.All(attempts, a => Assert.True(
            a.Status is HttpStatusCode.Accepted or null || (a.Status is HttpStatusCode.ServiceUnavailable && a.HasRetryAfter), $"{a.Key} got {a.Status}"));
        Assert.True(unansweredAllowed || row.Unanswered == 0, $"{row.Unanswered} requests got no answer: {row.ToMarkdown()}");
        Assert.True(row.Lost == 0, row.ToMarkdown());
        Assert.True(row.Duplicated == 0, $"an invoice number twice or stock taken not once: {row.ToMarkdown()}");
        Assert.False(double.IsNaN(row.RecoverySeconds), $"no order was accepted after the crash: {row.ToMarkdown()}");
    }
}

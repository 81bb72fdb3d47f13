using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Mensageria.Tests.Infrastructure;

/// <summary>
/// Orders placed at a steady rate whatever the answers, each with its own Idempotency-Key, as a
/// client that gives up on a request after five seconds (a hang shows as a timeout, not a stuck test).
/// </summary>
internal sealed class SteadyLoad(OrdersClient orders, int count, int perSecond)
{
    private static readonly string[] s_skus = ["ESP-001", "FLT-001", "TEA-001", "TEA-002", "MUG-001", "GFT-001"];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly OrdersClient _client = orders.WithTimeout(TimeSpan.FromSeconds(5));

    /// <summary>Seconds since the load was created: the clock of every attempt and of the test's faults.</summary>
    public double Now => _clock.Elapsed.TotalSeconds;

    /// <summary>How many requests have been sent so far.</summary>
    public int Sent => Volatile.Read(ref _sent);

    private int _sent;

    /// <summary>When the latest-sent order answered 202 so far was sent (NaN before the first): whether orders sent after a fault are accepted yet.</summary>
    public double LastAcceptedSentAt => Volatile.Read(ref _lastAcceptedSentAt);

    private double _lastAcceptedSentAt = double.NaN;

    /// <summary>When the latest-sent order refused or left unanswered so far was sent (NaN before the first).</summary>
    public double LastFailedSentAt => Volatile.Read(ref _lastFailedSentAt);

    private double _lastFailedSentAt = double.NaN;

    /// <summary>Whether an order sent after <paramref name="time"/>, and after the latest refused or unanswered one, was accepted.</summary>
    public bool AcceptingSince(double time) => LastAcceptedSentAt > time && !(LastFailedSentAt >= LastAcceptedSentAt);

    /// <summary>
    /// Places <c>count</c> orders, and goes on at the same rate while <paramref name="goOn"/> says so, up to
    /// <paramref name="limit"/> orders in all (four times <c>count</c> unless given).
    /// </summary>
    public async Task<IReadOnlyList<OrderAttempt>> RunAsync(string prefix, CancellationToken cancellationToken, Func<bool>? goOn = null, int? limit = null)
    {
        var random = new Random(prefix.GetHashCode(StringComparison.Ordinal));
        var attempts = new List<Task<OrderAttempt>>(count);
        var start = Now;
        for (var i = 0; i < count || (i < (limit ?? 4 * count) && goOn?.Invoke() == true); i++)
        {
            var due = start + (double)i / perSecond;
            if (due > Now)
            {
                await Task.Delay(TimeSpan.FromSeconds(due - Now), cancellationToken);
            }

            (string Sku, int Quantity)[] lines = [(s_skus[random.Next(s_skus.Length)], random.Next(1, 3)), (s_skus[random.Next(s_skus.Length)], 1)];
            attempts.Add(SendAsync($"{prefix}-{i}", lines, cancellationToken));
            Interlocked.Increment(ref _sent);
        }

        return await Task.WhenAll(attempts);
    }

    /// <summary>Settles every attempt that got no answer (<see cref="SettleAsync"/>), 32 at a time.</summary>
    public async Task<OrderAttempt[]> SettleAllAsync(IReadOnlyList<OrderAttempt> attempts, CancellationToken cancellationToken)
    {
        using var throttle = new SemaphoreSlim(32);
        return await Task.WhenAll(attempts.Select(async attempt =>
        {
            if (attempt.Status is not null)
            {
                return attempt;
            }

            await throttle.WaitAsync(cancellationToken);
            try
            {
                return await SettleAsync(attempt, cancellationToken);
            }
            finally
            {
                throttle.Release();
            }
        }));
    }

    /// <summary>
    /// Sends the attempt again with its own key until it is answered 202, as a client does with a request
    /// that got no answer: the same key gives back the order its first try made, or makes it now.
    /// </summary>
    public async Task<OrderAttempt> SettleAsync(OrderAttempt attempt, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        while (true)
        {
            var retry = await SendAsync(attempt.Key, attempt.Lines, timeout.Token);
            if (retry.Status == HttpStatusCode.Accepted)
            {
                return attempt with { OrderId = retry.OrderId };
            }

            await Task.Delay(250, timeout.Token);
        }
    }

    private async Task<OrderAttempt> SendAsync(string key, (string Sku, int Quantity)[] lines, CancellationToken cancellationToken)
    {
        var sentAt = Now;
        try
        {
            using var response = await _client.PlaceAsync(key, lines, key, cancellationToken);
            var orderId = response.StatusCode == HttpStatusCode.Accepted
                ? JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("orderId").GetString()
                : null;
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                RecordLatest(ref _lastAcceptedSentAt, sentAt);
            }
            else
            {
                RecordLatest(ref _lastFailedSentAt, sentAt);
            }

            return new OrderAttempt(key, lines, sentAt, Now, response.StatusCode, response.Headers.RetryAfter is not null, orderId, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            RecordLatest(ref _lastFailedSentAt, sentAt);
            return new OrderAttempt(key, lines, sentAt, Now, null, false, null, e is TaskCanceledException ? "timeout" : "no answer");
        }
    }

    private static void RecordLatest(ref double latestSentAt, double sentAt)
    {
        var latest = Volatile.Read(ref latestSentAt);
        while (!(latest >= sentAt))
        {
            var seen = Interlocked.CompareExchange(ref latestSentAt, sentAt, latest);
            if (seen.Equals(latest))
            {
                return;
            }

            latest = seen;
        }
    }
}

/// <summary>One order request of a <see cref="SteadyLoad"/>: when it went and came back, and what came (no status when nothing did).</summary>
internal sealed record OrderAttempt(
    string Key, (string Sku, int Quantity)[] Lines, double SentAt, double AnsweredAt, HttpStatusCode? Status, bool HasRetryAfter, string? OrderId, string? Failure);

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Mensageria.Benchmarks.Results;

namespace Mensageria.Benchmarks.Load;

/// <summary>
/// Drives <c>POST /api/orders</c> the same way for every system: <see cref="RunAtFullSpeedAsync"/> with
/// a fixed number of clients each posting as soon as its last order was accepted, or
/// <see cref="RunAtRateAsync"/> at a fixed rate whatever the answers (latency counted from when each
/// order was due, so a slow system is not flattered). Each order's end-to-end latency runs from its
/// POST to its Completed event. A 503 with Retry-After (the API's backlog bound) is a refusal, not an
/// error: a full-speed client then waits as told before its next order.
/// </summary>
public sealed class OrderLoad(Uri api, string apiKey, CompletionListener completions, BenchmarkSettings settings, Progress progress) : IDisposable
{
    // Plentiful products (their stock is raised before each phase), two lines an order.
    private static readonly string[] s_skus = ["ESP-001", "FLT-001", "TEA-001", "TEA-002", "MUG-001", "FLT-010", "CHC-001", "MLK-001", "CLN-001", "SYR-001"];

    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 })
    {
        BaseAddress = api,
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestHeaders = { Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey) },
    };
    private readonly ConcurrentDictionary<string, long> _placed = new(StringComparer.Ordinal);
    private long _errors;
    private long _refused;
    private int _sequence;

    /// <summary>Orders accepted so far.</summary>
    public int Accepted => _placed.Count;

    /// <summary>Requests that failed so far (any answer but 202 or a 503 with Retry-After, or none).</summary>
    public long Errors => Interlocked.Read(ref _errors);

    public async Task<PhaseResult> RunAtFullSpeedAsync(string name, string system, int replicas, bool tracing, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        await using (Report(name))
        {
            await Task.WhenAll(Enumerable.Range(0, settings.Clients).Select(async _ =>
            {
                while (Stopwatch.GetElapsedTime(start) < settings.PhaseDuration)
                {
                    if (await PlaceAsync(Stopwatch.GetTimestamp(), cancellationToken) is { } retryAfter)
                    {
                        await Task.Delay(retryAfter, cancellationToken);
                    }
                }
            }));
        }

        return await FinishAsync(name, system, replicas, tracing, $"{settings.Clients} clients at full speed", start, cancellationToken);
    }

    public async Task<PhaseResult> RunAtRateAsync(string name, string system, int replicas, bool tracing, double perSecond, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var running = new List<Task>();
        await using (Report(name))
        {
            for (var i = 0; ; i++)
            {
                var due = start + (long)(i / perSecond * Stopwatch.Frequency);
                if (Stopwatch.GetElapsedTime(start, due) >= settings.PhaseDuration)
                {
                    break;
                }

                if (Stopwatch.GetElapsedTime(due) < TimeSpan.Zero)
                {
                    await Task.Delay(-Stopwatch.GetElapsedTime(due), cancellationToken);
                }

                running.Add(PlaceAsync(due, cancellationToken));
            }

            await Task.WhenAll(running);
        }

        return await FinishAsync(name, system, replicas, tracing, $"{perSecond:0} orders/s", start, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private IAsyncDisposable Report(string name) =>
        progress.Every(settings.PhaseDuration, name, () =>
            $"{_placed.Count:N0} accepted, {completions.Count:N0} finished, {Interlocked.Read(ref _refused):N0} refused, {Interlocked.Read(ref _errors):N0} errors");

    /// <summary>Places one order; when the API refuses it for now, how long it asked to wait.</summary>
    private async Task<TimeSpan?> PlaceAsync(long startedAt, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _sequence);
        var body = $$"""{"customerId":"bench-{{n % 100}}","lines":[{"sku":"{{s_skus[n % s_skus.Length]}}","quantity":1},{"sku":"{{s_skus[(n + 3) % s_skus.Length]}}","quantity":2}]}""";
        try
        {
            using var response = await _http.PostAsync(new Uri("/api/orders", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter?.Delta is { } retryAfter)
            {
                Interlocked.Increment(ref _refused);
                return retryAfter;
            }

            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                Interlocked.Increment(ref _errors);
                return null;
            }

            using var accepted = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
            _placed[accepted.RootElement.GetProperty("orderId").GetString()!] = startedAt;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Interlocked.Increment(ref _errors);
        }

        return null;
    }

    private async Task<PhaseResult> FinishAsync(string name, string system, int replicas, bool tracing, string load, long start, CancellationToken cancellationToken)
    {
        var loadSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var drainDeadline = Stopwatch.GetTimestamp() + (long)(settings.DrainTimeout.TotalSeconds * Stopwatch.Frequency);
        for (var tick = 1; Stopwatch.GetTimestamp() < drainDeadline; tick++)
        {
            var unfinished = _placed.Keys.Count(id => !completions.TryGetFinished(id, out _));
            if (unfinished == 0)
            {
                break;
            }

            if (tick % 20 == 0)
            {
                progress.Step($"  {name}: waiting for {unfinished:N0} of {_placed.Count:N0} orders to finish");
            }

            await Task.Delay(100, cancellationToken);
        }

        var latencies = new List<double>();
        var lastFinished = start;
        foreach (var (id, placedAt) in _placed)
        {
            if (completions.TryGetFinished(id, out var finishedAt))
            {
                latencies.Add(Stopwatch.GetElapsedTime(placedAt, finishedAt).TotalMilliseconds);
                lastFinished = Math.Max(lastFinished, finishedAt);
            }
        }

        var result = new PhaseResult(name, system, replicas, tracing, load, loadSeconds, _placed.Count, latencies.Count, Interlocked.Read(ref _errors),
            _placed.Count / loadSeconds, latencies.Count / Math.Max(loadSeconds, Stopwatch.GetElapsedTime(start, lastFinished).TotalSeconds), LatencySummary.From(latencies))
        {
            Refused = Interlocked.Read(ref _refused),
        };
        _placed.Clear();
        Interlocked.Exchange(ref _errors, 0);
        Interlocked.Exchange(ref _refused, 0);
        return result;
    }
}

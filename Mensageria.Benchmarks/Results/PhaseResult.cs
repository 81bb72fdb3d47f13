namespace Mensageria.Benchmarks.Results;

/// <summary>
/// One measured phase. <see cref="AcceptedPerSecond"/> is what the API (or the raw publisher) took;
/// <see cref="CompletedPerSecond"/> is how fast orders (or raw messages) came out the far end.
/// </summary>
public sealed record PhaseResult(
    string Name,
    string System,
    int Replicas,
    bool Tracing,
    string Load,
    double DurationSeconds,
    long Accepted,
    long Completed,
    long Errors,
    double AcceptedPerSecond,
    double CompletedPerSecond,
    LatencySummary Latency)
{
    /// <summary>Orders the API refused for now (503 with Retry-After: its backlog bound), which its clients waited out.</summary>
    public long Refused { get; init; }

    /// <summary>CPU seconds each process group used during the phase (its load and its drain).</summary>
    public IReadOnlyDictionary<string, double> CpuSeconds { get; init; } = new Dictionary<string, double>();

    /// <summary>Seconds of unmeasured full-speed load before the phase, until the JIT had settled.</summary>
    public double WarmUpSeconds { get; init; }

    /// <summary>The share of all CPU used during the phase that went to the background JIT: near zero when measured warm.</summary>
    public double JitShare { get; init; }

    /// <summary>CPU milliseconds per completed order (or raw message) of every process but the load generator and the dashboard.</summary>
    public double CpuMillisecondsPerCompleted => Completed == 0 ? 0 :
        Math.Round(1000 * CpuSeconds.Where(c => c.Key is not (Apps.CpuUsage.LoadGenerator or Apps.CpuUsage.Dashboard)).Sum(c => c.Value) / Completed, 3);
}

namespace Mensageria.Benchmarks.Results;

/// <summary>Latency percentiles in milliseconds, and a coarse distribution for the plots.</summary>
public sealed record LatencySummary(int Count, double P50, double P90, double P99, double Max, IReadOnlyList<double> Percentiles)
{
    /// <summary>The 1st to the 100th percentile, for a distribution plot.</summary>
    public static LatencySummary From(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new LatencySummary(0, 0, 0, 0, 0, []);
        }

        double At(double quantile) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
        return new LatencySummary(sorted.Length, At(0.50), At(0.90), At(0.99), sorted[^1], [.. Enumerable.Range(1, 100).Select(p => Math.Round(At(p / 100.0), 2))]);
    }
}

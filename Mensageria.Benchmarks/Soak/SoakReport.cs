using Mensageria.Benchmarks.Results;

namespace Mensageria.Benchmarks.Soak;

/// <summary>A soak's samples and what they come to: memory after the warm-up, errors, the largest backlog.</summary>
public sealed record SoakReport(DateTimeOffset At, string Machine, double OrdersPerSecond, double WarmUpMinutes, PhaseResult Phase, IReadOnlyList<SoakSample> Samples)
{
    /// <summary>How far memory may move around its mean after the warm-up and still count as flat.</summary>
    public const double FlatWithin = 0.10;

    /// <summary>Per resource, after the warm-up: the mean, and the largest distance of a sample from it as a share of it.</summary>
    public IReadOnlyDictionary<string, (double MeanMegabytes, double Deviation, double FirstMegabytes, double LastMegabytes)> Memory()
    {
        var steady = Samples.Where(s => s.Minutes >= WarmUpMinutes).ToList();
        return steady.SelectMany(s => s.MemoryMegabytes.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToDictionary(
            resource => resource,
            resource =>
            {
                var values = steady.Select(s => s.MemoryMegabytes.GetValueOrDefault(resource)).ToList();
                var mean = values.Average();
                return (mean, values.Max(v => Math.Abs(v - mean)) / mean, values[0], values[^1]);
            },
            StringComparer.Ordinal);
    }

    public long MaxBacklog => Samples.Where(s => s.Minutes >= WarmUpMinutes).Select(s => s.Backlog).DefaultIfEmpty(0).Max();

    /// <summary>Redis, whose memory is the orders it keeps: it grows with them by design, so it is measured per order instead.</summary>
    public const string DataStore = "cache";

    /// <summary>Redis's growth after the warm-up for each order completed meanwhile, in bytes.</summary>
    public double DataStoreBytesPerOrder
    {
        get
        {
            var steady = Samples.Where(s => s.Minutes >= WarmUpMinutes).ToList();
            return steady.Count < 2 || steady[^1].Completed == steady[0].Completed ? 0
                : (steady[^1].MemoryMegabytes.GetValueOrDefault(DataStore) - steady[0].MemoryMegabytes.GetValueOrDefault(DataStore)) * 1024 * 1024 / (steady[^1].Completed - steady[0].Completed);
        }
    }

    /// <summary>Whether a process group's memory must stay flat: not the data store, nor the load generator, which keeps every order's times to measure latency.</summary>
    public static bool MustStayFlat(string group) => group is not (DataStore or Apps.CpuUsage.LoadGenerator);

    /// <summary>Every process of the app but the data store flat, no error, and a backlog that never grew past five seconds' orders.</summary>
    public bool Held =>
        Memory().Where(m => MustStayFlat(m.Key)).All(m => m.Value.Deviation <= FlatWithin) && Phase.Errors == 0 && MaxBacklog <= OrdersPerSecond * 5;
}

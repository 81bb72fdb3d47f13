namespace Mensageria.Benchmarks.Results;

/// <summary>The goals' ratios of completed orders per second, for the phases a run has.</summary>
public static class Ratios
{
    public static IReadOnlyDictionary<string, double> Of(IReadOnlyList<PhaseResult> phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        var rates = phases.ToDictionary(p => p.Name, p => p.CompletedPerSecond, StringComparer.Ordinal);
        var ratios = new SortedDictionary<string, double>(StringComparer.Ordinal);
        void Add(string name, string over, string under)
        {
            if (rates.TryGetValue(over, out var a) && rates.TryGetValue(under, out var b) && b > 0)
            {
                ratios[name] = Math.Round(a / b, 3);
            }
        }

        Add("mensageria/raw", "mensageria", "raw");
        Add("mensageria/masstransit", "mensageria", "masstransit");
        Add("tracing-on/off", "mensageria-tracing-on", "mensageria");
        Add("2-workers/1-worker", "mensageria", "mensageria-1-workers");
        Add("4-workers/1-worker", "mensageria-4-workers", "mensageria-1-workers");
        return ratios;
    }
}

namespace Mensageria.Benchmarks.Results;

/// <summary>The goals' ratios of completed orders per second, and of broker messages per second, for the phases a run has.</summary>
public static class Ratios
{
    /// <summary>Confirmed publishes of a completed order, each consumed once: the order and its five status events.</summary>
    public const int BrokerMessagesPerOrder = 6;

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

        // What the pipeline makes the broker carry, against what the broker carries alone: an order is
        // its OrderPlaced and its 5 status events (Accepted, Processing, StockReserved, Invoiced, Completed).
        if (rates.TryGetValue("mensageria", out var orders) && rates.TryGetValue("raw", out var messages) && messages > 0)
        {
            ratios["mensageria broker msg/s / raw"] = Math.Round(orders * BrokerMessagesPerOrder / messages, 3);
        }

        return ratios;
    }
}

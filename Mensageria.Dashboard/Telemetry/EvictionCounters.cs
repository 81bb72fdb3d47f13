using System.Collections.Concurrent;

namespace Mensageria.Dashboard.Telemetry;

/// <summary>What the store let go, per kind (traces, spans, logs, points, attributes) and resource: eviction is never silent.</summary>
public sealed class EvictionCounters
{
    public const string Traces = "traces";
    public const string Spans = "spans";
    public const string Logs = "logs";
    public const string MetricPoints = "metricPoints";
    public const string Attributes = "attributes";

    private readonly ConcurrentDictionary<(string Kind, string Resource), long> _counts = new();

    public void Add(string kind, string resource, long count = 1)
    {
        if (count > 0)
        {
            _counts.AddOrUpdate((kind, resource), count, (_, total) => total + count);
        }
    }

    public long Get(string kind, string? resource = null) =>
        _counts.Where(c => c.Key.Kind == kind && (resource is null || c.Key.Resource == resource)).Sum(c => c.Value);

    public IReadOnlyList<EvictionCount> Snapshot() =>
        [.. _counts.OrderBy(c => c.Key.Resource, StringComparer.Ordinal).ThenBy(c => c.Key.Kind, StringComparer.Ordinal)
            .Select(c => new EvictionCount(c.Key.Resource, c.Key.Kind, c.Value))];
}

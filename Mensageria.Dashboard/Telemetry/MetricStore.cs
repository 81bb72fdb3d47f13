namespace Mensageria.Dashboard.Telemetry;

/// <summary>
/// Metric points per instrument of each resource, each instrument bounded on its own: a resource's
/// chatty instrument pushes out only its own old points, never another resource's.
/// </summary>
public sealed class MetricStore(TelemetryLimits limits, EvictionCounters evictions, TelemetryChanges changes)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Resource, string Scope, string Name), InstrumentSeries> _series = [];

    public void Add(string resource, string scope, string name, string description, string unit, string type, IEnumerable<MetricPoint> points)
    {
        lock (_gate)
        {
            if (!_series.TryGetValue((resource, scope, name), out var series))
            {
                _series[(resource, scope, name)] = series = new InstrumentSeries(resource, scope, name);
            }

            (series.Description, series.Unit, series.Type) = (description, unit, type);
            foreach (var point in points)
            {
                series.Points.Enqueue(point);
                if (series.Points.Count > limits.MaxPointsPerInstrument)
                {
                    series.Points.Dequeue();
                    evictions.Add(EvictionCounters.MetricPoints, resource);
                }
            }
        }

        changes.Notify();
    }

    public IReadOnlyList<MetricInstrument> Instruments(string? resource = null)
    {
        lock (_gate)
        {
            return [.. _series.Values.Select(s => s.Describe()).Where(i => resource is null || i.Resource == resource)
                .OrderBy(i => i.Resource, StringComparer.Ordinal).ThenBy(i => i.Name, StringComparer.Ordinal)];
        }
    }

    /// <summary>The points of an instrument, oldest first (of every scope that has one by this name).</summary>
    public IReadOnlyList<MetricPoint> Points(string resource, string name)
    {
        lock (_gate)
        {
            return [.. _series.Where(s => s.Key.Resource == resource && s.Key.Name == name).SelectMany(s => s.Value.Points).OrderBy(p => p.Time)];
        }
    }

    public int PointCount
    {
        get
        {
            lock (_gate)
            {
                return _series.Values.Sum(s => s.Points.Count);
            }
        }
    }
}

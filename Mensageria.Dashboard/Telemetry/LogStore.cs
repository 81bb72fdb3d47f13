namespace Mensageria.Dashboard.Telemetry;

/// <summary>Structured log records, bounded in number fairly across resources.</summary>
public sealed class LogStore(TelemetryLimits limits, EvictionCounters evictions, TelemetryChanges changes)
{
    private readonly Lock _gate = new();
    private readonly FairQueue<LogEntry> _entries = new(limits.MaxLogs);
    private long _sequence;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Adds the records, numbering them in arrival order (their own sequence numbers are ignored).</summary>
    public void Add(IEnumerable<LogEntry> entries)
    {
        lock (_gate)
        {
            foreach (var received in entries)
            {
                var entry = received with { Sequence = ++_sequence };
                if (_entries.Add(entry.Resource, entry) is var (owner, _))
                {
                    evictions.Add(EvictionCounters.Logs, owner);
                }
            }
        }

        changes.Notify();
    }

    /// <summary>The newest <see cref="LogQuery.Limit"/> records that match, oldest first.</summary>
    public IReadOnlyList<LogEntry> Find(LogQuery query)
    {
        lock (_gate)
        {
            var matches = _entries.Items(query.Resource).Where(e =>
                e.Sequence > query.After
                && e.SeverityNumber >= query.MinSeverity
                && (query.TraceId is null || string.Equals(e.TraceId, query.TraceId, StringComparison.OrdinalIgnoreCase))
                && (query.Text is null || e.Message.Contains(query.Text, StringComparison.OrdinalIgnoreCase)
                    || e.Category.Contains(query.Text, StringComparison.OrdinalIgnoreCase)));
            return [.. matches.OrderByDescending(e => e.Sequence).Take(query.Limit).Reverse()];
        }
    }

    public IReadOnlyList<string> Resources
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries.Resources.Order(StringComparer.Ordinal)];
            }
        }
    }
}

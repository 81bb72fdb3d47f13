namespace Mensageria.Dashboard.Telemetry;

/// <summary>
/// Spans assembled into traces by trace id (parents may come later, in another batch, from another
/// resource), bounded in traces (fairly across resources: a trace counts for the resource that sent
/// its first span) and in spans per trace, and indexed by attribute value so one order id finds its trace.
/// </summary>
public sealed class TraceStore(TelemetryLimits limits, EvictionCounters evictions, TelemetryChanges changes, TimeProvider timeProvider)
{
    /// <summary>Longer values are text, not ids: not worth an index entry.</summary>
    private const int MaxIndexedValueLength = 200;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, StoredTrace> _traces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _index = new(StringComparer.Ordinal);
    private readonly FairQueue<string> _order = new(limits.MaxTraces);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _traces.Count;
            }
        }
    }

    public void Add(IEnumerable<SpanData> spans)
    {
        lock (_gate)
        {
            foreach (var span in spans)
            {
                AddSpan(span);
            }
        }

        changes.Notify();
    }

    /// <summary>Newest first; <paramref name="value"/> is any attribute value (an order id) or a trace id.</summary>
    public IReadOnlyList<TraceSummary> Find(string? resource = null, string? value = null, int limit = 100)
    {
        lock (_gate)
        {
            return [.. Candidates(value).Where(t => resource is null || t.Touches(resource))
                .Select(t => t.ToSummary()).OrderByDescending(t => t.Start).Take(limit)];
        }
    }

    public TraceDetail? Get(string traceId)
    {
        lock (_gate)
        {
            return _traces.TryGetValue(traceId, out var trace) ? trace.ToDetail() : null;
        }
    }

    /// <summary>Waits for a trace holding <paramref name="value"/> (an order id, say) that satisfies <paramref name="condition"/>.</summary>
    public Task<TraceDetail> WaitForTraceAsync(
        string value, Func<TraceDetail, bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        changes.WaitForAsync(
            () =>
            {
                lock (_gate)
                {
                    return Candidates(value).Select(t => t.ToDetail()).FirstOrDefault(condition);
                }
            },
            $"a trace with '{value}' that meets the condition", timeout, timeProvider, cancellationToken);

    private IEnumerable<StoredTrace> Candidates(string? value) =>
        value is null ? _traces.Values
        : _traces.TryGetValue(value, out var byId) ? [byId]
        : _index.TryGetValue(value, out var ids) ? ids.Select(id => _traces[id])
        : [];

    private void AddSpan(SpanData span)
    {
        if (!_traces.TryGetValue(span.TraceId, out var trace))
        {
            _traces[span.TraceId] = trace = new StoredTrace(span.TraceId);
            if (_order.Add(span.Resource, span.TraceId) is var (owner, evicted))
            {
                Remove(evicted);
                evictions.Add(EvictionCounters.Traces, owner);
                if (evicted == span.TraceId)
                {
                    return;
                }
            }
        }

        if (trace.SpanCount >= limits.MaxSpansPerTrace)
        {
            evictions.Add(EvictionCounters.Spans, span.Resource);
            return;
        }

        // The trace's own id string, not one per span.
        if (trace.Add(span with { TraceId = trace.TraceId }))
        {
            foreach (var value in span.Attributes.Values.Concat(span.ResourceAttributes.Values).Append(span.Resource))
            {
                Index(trace, value);
            }
        }
    }

    private void Index(StoredTrace trace, string value)
    {
        if (value.Length is > 0 and <= MaxIndexedValueLength && trace.IndexedValues.Add(value))
        {
            if (!_index.TryGetValue(value, out var ids))
            {
                _index[value] = ids = new HashSet<string>(StringComparer.Ordinal);
            }

            ids.Add(trace.TraceId);
        }
    }

    private void Remove(string traceId)
    {
        if (_traces.Remove(traceId, out var trace))
        {
            foreach (var value in trace.IndexedValues)
            {
                if (_index.TryGetValue(value, out var ids) && ids.Remove(traceId) && ids.Count == 0)
                {
                    _index.Remove(value);
                }
            }
        }
    }
}

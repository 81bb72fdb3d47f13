namespace Mensageria.Dashboard.Telemetry;

/// <summary>The spans of one trace received so far, from any resource and batch, in any order; owned by its store's lock.</summary>
internal sealed class StoredTrace(string traceId)
{
    private readonly Dictionary<string, SpanData> _spans = new(StringComparer.Ordinal);

    public string TraceId { get; } = traceId;

    public int SpanCount => _spans.Count;

    /// <summary>The attribute values this trace put in the search index, to take them out when it goes.</summary>
    public HashSet<string> IndexedValues { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds the span; false when a span with its id is already here (an export sent again).</summary>
    public bool Add(SpanData span) => _spans.TryAdd(span.SpanId, span);

    public bool Touches(string resource) => _spans.Values.Any(s => s.Resource == resource);

    public TraceDetail ToDetail()
    {
        var spans = _spans.Values.OrderBy(s => s.Start).ThenBy(s => s.SpanId, StringComparer.Ordinal).ToList();
        return new TraceDetail(Summarize(spans), spans);
    }

    public TraceSummary ToSummary() => Summarize([.. _spans.Values.OrderBy(s => s.Start)]);

    private TraceSummary Summarize(List<SpanData> spans)
    {
        // The root is the earliest span whose parent is not here (not received yet, or outside the trace).
        var root = spans.FirstOrDefault(s => s.ParentSpanId is null || !_spans.ContainsKey(s.ParentSpanId)) ?? spans[0];
        var start = spans[0].Start;
        var end = spans.Max(s => s.End);
        return new TraceSummary(
            TraceId, $"{root.Resource}: {root.Name}", [.. spans.Select(s => s.Resource).Distinct()], start, (end - start).TotalMilliseconds,
            spans.Count, spans.Count(s => s.IsError));
    }
}

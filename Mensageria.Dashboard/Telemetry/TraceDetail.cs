namespace Mensageria.Dashboard.Telemetry;

/// <summary>A trace with its spans, in start order.</summary>
public sealed record TraceDetail(TraceSummary Summary, IReadOnlyList<SpanData> Spans)
{
    public string TraceId => Summary.TraceId;

    public IEnumerable<SpanData> SpansOf(string resource) => Spans.Where(s => s.Resource == resource);

    public SpanData? Find(string spanId) => Spans.FirstOrDefault(s => s.SpanId == spanId);
}

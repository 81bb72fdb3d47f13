namespace Mensageria.Dashboard.Telemetry;

/// <summary>
/// One span as received, with its resource (<c>service.name</c>), replica (<c>service.instance.id</c>)
/// and the resource's other attributes (one dictionary shared by the spans of an export).
/// </summary>
public sealed record SpanData(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    string Kind,
    string Resource,
    string? Instance,
    string Scope,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Status,
    string? StatusMessage,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<SpanEventData> Events,
    IReadOnlyList<SpanLinkData> Links,
    IReadOnlyDictionary<string, string> ResourceAttributes)
{
    public double DurationMs => (End - Start).TotalMilliseconds;

    public bool IsError => Status == "Error";
}

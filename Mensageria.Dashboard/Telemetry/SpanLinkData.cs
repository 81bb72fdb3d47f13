namespace Mensageria.Dashboard.Telemetry;

public sealed record SpanLinkData(string TraceId, string SpanId, IReadOnlyDictionary<string, string> Attributes);

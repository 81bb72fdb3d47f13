namespace Mensageria.Dashboard.Telemetry;

/// <summary>A row of the trace list: its root (or earliest) span's name, who took part, how long, how many spans, how many failed.</summary>
public sealed record TraceSummary(
    string TraceId, string RootName, IReadOnlyList<string> Resources, DateTimeOffset Start, double DurationMs, int SpanCount, int ErrorCount);

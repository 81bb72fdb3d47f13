namespace Mensageria.Dashboard.Telemetry;

/// <summary>One structured log record; <see cref="Sequence"/> orders records and lets a client ask for what is newer.</summary>
public sealed record LogEntry(
    long Sequence,
    DateTimeOffset Time,
    string Resource,
    string? Instance,
    string Level,
    int SeverityNumber,
    string Message,
    string Category,
    string? TraceId,
    string? SpanId,
    IReadOnlyDictionary<string, string> Attributes);

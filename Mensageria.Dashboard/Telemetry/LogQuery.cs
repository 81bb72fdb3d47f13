namespace Mensageria.Dashboard.Telemetry;

/// <summary>
/// Which structured logs to return: of a resource, at or above a severity (OTLP severity number:
/// 9 information, 13 warning, 17 error), containing a text, of a trace, newer than a sequence number.
/// </summary>
public sealed record LogQuery(
    string? Resource = null, int MinSeverity = 0, string? Text = null, string? TraceId = null, long After = 0, int Limit = 500);

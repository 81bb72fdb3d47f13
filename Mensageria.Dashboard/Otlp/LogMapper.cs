using Mensageria.Dashboard.Telemetry;
using OpenTelemetry.Proto.Logs.V1;

namespace Mensageria.Dashboard.Otlp;

internal static class LogMapper
{
    public static LogEntry Map(LogRecord record, string scope, OtlpResource resource, OtlpValues values, ref long dropped)
    {
        var time = record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano;
        var severity = (int)record.SeverityNumber;
        return new LogEntry(
            0,
            OtlpValues.Time(time),
            resource.Name,
            resource.Instance,
            LevelName(severity, record.SeverityText),
            severity,
            values.Text(record.Body),
            scope,
            record.TraceId.IsEmpty ? null : OtlpValues.Id(record.TraceId),
            record.SpanId.IsEmpty ? null : OtlpValues.Id(record.SpanId),
            values.Attributes(record.Attributes, ref dropped));
    }

    /// <summary>The .NET names of the OTLP severity ranges (1–4 trace … 21–24 fatal).</summary>
    private static string LevelName(int severity, string text) => severity switch
    {
        >= 21 => "Critical",
        >= 17 => "Error",
        >= 13 => "Warning",
        >= 9 => "Information",
        >= 5 => "Debug",
        >= 1 => "Trace",
        _ => text is { Length: > 0 } ? text : "Unspecified",
    };
}

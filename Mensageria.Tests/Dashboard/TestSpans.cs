using Mensageria.Dashboard.Telemetry;

namespace Mensageria.Tests.Dashboard;

/// <summary>Spans and log records made up for store tests.</summary>
internal static class TestSpans
{
    private static readonly DateTimeOffset s_start = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    public static SpanData Span(string resource, string traceId, string spanId, string? parentSpanId = null, Dictionary<string, string>? attributes = null) =>
        new(traceId, spanId, parentSpanId, $"work {spanId}", "Internal", resource, $"{resource}-0", "tests",
            s_start, s_start.AddMilliseconds(5), "Unset", null, attributes ?? [], [], [],
            new Dictionary<string, string> { ["service.name"] = resource, ["service.instance.id"] = $"{resource}-0" });

    public static LogEntry Log(string resource, string message, int severity = 9) =>
        new(0, s_start, resource, $"{resource}-0", "Information", severity, message, "Tests", null, null, new Dictionary<string, string>());

    public static TelemetryStore Store(Action<TelemetryLimits>? configure = null)
    {
        var limits = new TelemetryLimits();
        configure?.Invoke(limits);
        return new TelemetryStore(limits, TimeProvider.System);
    }
}

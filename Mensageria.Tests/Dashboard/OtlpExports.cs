using Google.Protobuf;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Logs.V1;
using OpenTelemetry.Proto.Trace.V1;

namespace Mensageria.Tests.Dashboard;

/// <summary>OTLP export requests as an SDK sends them, made by hand.</summary>
internal static class OtlpExports
{
    public static ExportTraceServiceRequest Trace(string service, string traceIdHex, params (string Key, string Value)[] attributes)
    {
        var now = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        var span = new Span
        {
            TraceId = ByteString.CopyFrom(Convert.FromHexString(traceIdHex)),
            SpanId = ByteString.CopyFrom(Convert.FromHexString("00f067aa0ba902b7")),
            Name = "GET /things",
            Kind = Span.Types.SpanKind.Server,
            StartTimeUnixNano = now,
            EndTimeUnixNano = now + 2_000_000,
        };
        span.Attributes.AddRange(attributes.Select(a => Attribute(a.Key, a.Value)));
        return new ExportTraceServiceRequest
        {
            ResourceSpans =
            {
                new ResourceSpans
                {
                    Resource = new OpenTelemetry.Proto.Resource.V1.Resource { Attributes = { Attribute("service.name", service) } },
                    ScopeSpans = { new ScopeSpans { Scope = new InstrumentationScope { Name = "tests" }, Spans = { span } } },
                },
            },
        };
    }

    public static ExportLogsServiceRequest Log(string service, string message) => new()
    {
        ResourceLogs =
        {
            new ResourceLogs
            {
                Resource = new OpenTelemetry.Proto.Resource.V1.Resource { Attributes = { Attribute("service.name", service) } },
                ScopeLogs =
                {
                    new ScopeLogs
                    {
                        Scope = new InstrumentationScope { Name = "Tests.Category" },
                        LogRecords = { new LogRecord { SeverityNumber = SeverityNumber.Warn, Body = new AnyValue { StringValue = message } } },
                    },
                },
            },
        },
    };

    public static string NewTraceId() => Guid.NewGuid().ToString("N");

    private static KeyValue Attribute(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };
}

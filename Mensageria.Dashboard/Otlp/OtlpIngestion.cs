using Mensageria.Dashboard.Telemetry;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;
using OpenTelemetry.Proto.Logs.V1;
using OpenTelemetry.Proto.Metrics.V1;
using OpenTelemetry.Proto.Trace.V1;

namespace Mensageria.Dashboard.Otlp;

/// <summary>Puts the content of an OTLP export (from gRPC or HTTP alike) into the store.</summary>
public sealed class OtlpIngestion(TelemetryStore store)
{
    private readonly OtlpValues _values = new(store.Limits);

    public ExportTraceServiceResponse Ingest(ExportTraceServiceRequest request)
    {
        foreach (var resourceSpans in request.ResourceSpans)
        {
            long dropped = 0;
            var resource = OtlpResource.From(resourceSpans.Resource, _values, ref dropped);
            var spans = new List<SpanData>();
            foreach (var scope in resourceSpans.ScopeSpans)
            {
                foreach (var span in scope.Spans)
                {
                    spans.Add(SpanMapper.Map(span, _values.Pooled(scope.Scope?.Name ?? ""), resource, _values, ref dropped));
                }
            }

            store.Evictions.Add(EvictionCounters.Attributes, resource.Name, dropped);
            store.Traces.Add(spans);
        }

        return new ExportTraceServiceResponse();
    }

    public ExportLogsServiceResponse Ingest(ExportLogsServiceRequest request)
    {
        foreach (var resourceLogs in request.ResourceLogs)
        {
            long dropped = 0;
            var resource = OtlpResource.From(resourceLogs.Resource, _values, ref dropped);
            var entries = new List<LogEntry>();
            foreach (var scope in resourceLogs.ScopeLogs)
            {
                foreach (var record in scope.LogRecords)
                {
                    entries.Add(LogMapper.Map(record, _values.Pooled(scope.Scope?.Name ?? ""), resource, _values, ref dropped));
                }
            }

            store.Logs.Add(entries);
            store.Evictions.Add(EvictionCounters.Attributes, resource.Name, dropped);
        }

        return new ExportLogsServiceResponse();
    }

    public ExportMetricsServiceResponse Ingest(ExportMetricsServiceRequest request)
    {
        foreach (var resourceMetrics in request.ResourceMetrics)
        {
            long dropped = 0;
            var resource = OtlpResource.From(resourceMetrics.Resource, _values, ref dropped);
            foreach (var scope in resourceMetrics.ScopeMetrics)
            {
                foreach (var metric in scope.Metrics)
                {
                    var points = MetricMapper.Points(metric, _values, ref dropped);
                    store.Metrics.Add(resource.Name, scope.Scope?.Name ?? "", metric.Name, metric.Description, metric.Unit, MetricMapper.TypeOf(metric), points);
                }
            }

            store.Evictions.Add(EvictionCounters.Attributes, resource.Name, dropped);
        }

        return new ExportMetricsServiceResponse();
    }
}

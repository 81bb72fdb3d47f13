using Mensageria.Dashboard.Telemetry;
using OpenTelemetry.Proto.Trace.V1;

namespace Mensageria.Dashboard.Otlp;

internal static class SpanMapper
{
    public static SpanData Map(Span span, string scope, OtlpResource resource, OtlpValues values, ref long dropped)
    {
        var events = new List<SpanEventData>(span.Events.Count);
        foreach (var e in span.Events)
        {
            events.Add(new SpanEventData(values.Pooled(e.Name), OtlpValues.Time(e.TimeUnixNano), values.Attributes(e.Attributes, ref dropped)));
        }

        var links = new List<SpanLinkData>(span.Links.Count);
        foreach (var link in span.Links)
        {
            links.Add(new SpanLinkData(OtlpValues.Id(link.TraceId), OtlpValues.Id(link.SpanId), values.Attributes(link.Attributes, ref dropped)));
        }

        return new SpanData(
            OtlpValues.Id(span.TraceId),
            OtlpValues.Id(span.SpanId),
            span.ParentSpanId.IsEmpty ? null : OtlpValues.Id(span.ParentSpanId),
            values.Pooled(span.Name),
            KindName(span.Kind),
            resource.Name,
            resource.Instance,
            scope,
            OtlpValues.Time(span.StartTimeUnixNano),
            OtlpValues.Time(span.EndTimeUnixNano),
            span.Status?.Code switch
            {
                Status.Types.StatusCode.Error => "Error",
                Status.Types.StatusCode.Ok => "Ok",
                _ => "Unset",
            },
            span.Status?.Message is { Length: > 0 } message ? values.Cut(message) : null,
            values.Attributes(span.Attributes, ref dropped),
            events,
            links,
            resource.Attributes);
    }

    private static string KindName(Span.Types.SpanKind kind) => kind switch
    {
        Span.Types.SpanKind.Server => "Server",
        Span.Types.SpanKind.Client => "Client",
        Span.Types.SpanKind.Producer => "Producer",
        Span.Types.SpanKind.Consumer => "Consumer",
        _ => "Internal",
    };
}

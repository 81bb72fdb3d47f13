using Google.Protobuf.Collections;
using Mensageria.Dashboard.Telemetry;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Metrics.V1;

namespace Mensageria.Dashboard.Otlp;

/// <summary>One point per OTLP data point: a gauge or sum's value; a histogram's or summary's mean, with its count and sum.</summary>
internal static class MetricMapper
{
    public static string TypeOf(Metric metric) => metric.DataCase switch
    {
        Metric.DataOneofCase.Gauge => "Gauge",
        Metric.DataOneofCase.Sum => metric.Sum.IsMonotonic ? "Counter" : "UpDownCounter",
        Metric.DataOneofCase.Histogram or Metric.DataOneofCase.ExponentialHistogram => "Histogram",
        Metric.DataOneofCase.Summary => "Summary",
        _ => "Unknown",
    };

    public static List<MetricPoint> Points(Metric metric, OtlpValues values, ref long dropped)
    {
        var points = new List<MetricPoint>();
        switch (metric.DataCase)
        {
            case Metric.DataOneofCase.Gauge:
                AddNumbers(metric.Gauge.DataPoints, points, values, ref dropped);
                break;
            case Metric.DataOneofCase.Sum:
                AddNumbers(metric.Sum.DataPoints, points, values, ref dropped);
                break;
            case Metric.DataOneofCase.Histogram:
                foreach (var p in metric.Histogram.DataPoints)
                {
                    points.Add(Distribution(p.TimeUnixNano, p.Count, p.HasSum ? p.Sum : 0, p.Attributes, values, ref dropped));
                }

                break;
            case Metric.DataOneofCase.ExponentialHistogram:
                foreach (var p in metric.ExponentialHistogram.DataPoints)
                {
                    points.Add(Distribution(p.TimeUnixNano, p.Count, p.HasSum ? p.Sum : 0, p.Attributes, values, ref dropped));
                }

                break;
            case Metric.DataOneofCase.Summary:
                foreach (var p in metric.Summary.DataPoints)
                {
                    points.Add(Distribution(p.TimeUnixNano, p.Count, p.Sum, p.Attributes, values, ref dropped));
                }

                break;
        }

        return points;
    }

    private static void AddNumbers(RepeatedField<NumberDataPoint> dataPoints, List<MetricPoint> points, OtlpValues values, ref long dropped)
    {
        foreach (var p in dataPoints)
        {
            var value = p.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? p.AsInt : p.AsDouble;
            points.Add(new MetricPoint(OtlpValues.Time(p.TimeUnixNano), value, null, null, values.Attributes(p.Attributes, ref dropped)));
        }
    }

    private static MetricPoint Distribution(ulong time, ulong count, double sum, RepeatedField<KeyValue> attributes, OtlpValues values, ref long dropped) =>
        new(OtlpValues.Time(time), count == 0 ? 0 : sum / count, sum, count, values.Attributes(attributes, ref dropped));
}

namespace Mensageria.Dashboard.Telemetry;

/// <summary>One value of an instrument at a time: a gauge or sum's value, a histogram's count and sum.</summary>
public sealed record MetricPoint(DateTimeOffset Time, double Value, double? Sum, ulong? Count, IReadOnlyDictionary<string, string> Attributes);

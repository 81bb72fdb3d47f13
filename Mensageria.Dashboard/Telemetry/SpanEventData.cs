namespace Mensageria.Dashboard.Telemetry;

public sealed record SpanEventData(string Name, DateTimeOffset Time, IReadOnlyDictionary<string, string> Attributes);

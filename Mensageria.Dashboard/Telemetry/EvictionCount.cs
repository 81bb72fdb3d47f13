namespace Mensageria.Dashboard.Telemetry;

public sealed record EvictionCount(string Resource, string Kind, long Count);

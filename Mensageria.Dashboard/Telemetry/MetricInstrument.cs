namespace Mensageria.Dashboard.Telemetry;

/// <summary>An instrument of a resource, as the metrics page lists it.</summary>
public sealed record MetricInstrument(string Resource, string Scope, string Name, string Description, string Unit, string Type, int PointCount);

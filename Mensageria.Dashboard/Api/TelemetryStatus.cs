using Mensageria.Dashboard.Telemetry;

namespace Mensageria.Dashboard.Api;

/// <summary>What the store holds, its limits, and what it let go per resource.</summary>
public sealed record TelemetryStatus(int Traces, int Logs, int MetricPoints, TelemetryLimits Limits, IReadOnlyList<EvictionCount> Evictions);

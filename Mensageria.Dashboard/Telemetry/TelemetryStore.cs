namespace Mensageria.Dashboard.Telemetry;

/// <summary>Everything the dashboard received over OTLP, in memory, within its <see cref="TelemetryLimits"/>.</summary>
public sealed class TelemetryStore
{
    public TelemetryStore(TelemetryLimits limits, TimeProvider timeProvider)
    {
        limits.Validate();
        Limits = limits;
        Traces = new TraceStore(limits, Evictions, Changes, timeProvider);
        Logs = new LogStore(limits, Evictions, Changes);
        Metrics = new MetricStore(limits, Evictions, Changes);
    }

    public TelemetryLimits Limits { get; }

    public TelemetryChanges Changes { get; } = new();

    public EvictionCounters Evictions { get; } = new();

    public TraceStore Traces { get; }

    public LogStore Logs { get; }

    public MetricStore Metrics { get; }
}

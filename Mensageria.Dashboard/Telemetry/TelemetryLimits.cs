namespace Mensageria.Dashboard.Telemetry;

/// <summary>
/// How much telemetry the dashboard keeps in memory (configuration section <c>Dashboard:Telemetry</c>).
/// The defaults keep a few hours of a busy development run in a few hundred megabytes at most.
/// </summary>
public sealed class TelemetryLimits
{
    public const string Section = "Dashboard:Telemetry";

    /// <summary>Traces kept; past it, the oldest trace of the resource with the most traces goes.</summary>
    public int MaxTraces { get; set; } = 5_000;

    /// <summary>Spans kept per trace; later spans of a full trace are dropped and counted.</summary>
    public int MaxSpansPerTrace { get; set; } = 100;

    /// <summary>Structured log records kept; past it, the oldest record of the resource with the most records goes.</summary>
    public int MaxLogs { get; set; } = 50_000;

    /// <summary>Points kept per metric instrument; past it, the instrument's oldest point goes.</summary>
    public int MaxPointsPerInstrument { get; set; } = 1_000;

    /// <summary>Attributes kept per span, event, link, log record or point; the rest are dropped and counted.</summary>
    public int MaxAttributes { get; set; } = 64;

    /// <summary>Characters kept of an attribute value or log message; longer ones are cut and marked with "…".</summary>
    public int MaxAttributeLength { get; set; } = 2_048;

    /// <summary>Fails with a message naming the setting when a limit cannot work.</summary>
    public void Validate()
    {
        foreach (var (name, value) in new[]
        {
            (nameof(MaxTraces), MaxTraces), (nameof(MaxSpansPerTrace), MaxSpansPerTrace), (nameof(MaxLogs), MaxLogs),
            (nameof(MaxPointsPerInstrument), MaxPointsPerInstrument), (nameof(MaxAttributes), MaxAttributes),
            (nameof(MaxAttributeLength), MaxAttributeLength),
        })
        {
            if (value < 1)
            {
                throw new InvalidOperationException($"{Section}:{name} is {value}; it must be at least 1.");
            }
        }
    }
}

namespace Mensageria.Dashboard.Telemetry;

/// <summary>The points of one instrument of one resource, oldest first, bounded; owned by its store's lock.</summary>
internal sealed class InstrumentSeries(string resource, string scope, string name)
{
    public Queue<MetricPoint> Points { get; } = new();

    public string Description { get; set; } = "";

    public string Unit { get; set; } = "";

    public string Type { get; set; } = "";

    public MetricInstrument Describe() => new(resource, scope, name, Description, Unit, Type, Points.Count);
}

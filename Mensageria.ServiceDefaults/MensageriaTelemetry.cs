namespace Mensageria.ServiceDefaults;

/// <summary>
/// Names of the project's own telemetry sources. Every ActivitySource and Meter the project creates
/// is named under <see cref="Prefix"/>, so one wildcard in the service defaults exports them all.
/// </summary>
public static class MensageriaTelemetry
{
    /// <summary>The prefix of every ActivitySource and Meter name the project creates.</summary>
    public const string Prefix = "Mensageria";

    /// <summary>The wildcard that matches all of the project's sources and meters.</summary>
    public const string Wildcard = Prefix + ".*";

    /// <summary>
    /// Baggage under this prefix (<c>mensageria.order.id</c>) becomes a tag of every span started
    /// beneath it, so one business id finds every span of its trace.
    /// </summary>
    public const string BaggageTagPrefix = "mensageria.";
}

namespace Mensageria.Hosting.ApplicationModel;

/// <summary>
/// Where services send OTLP telemetry: the app host's dashboard, or any collector given to the
/// app host through its own <c>OTEL_EXPORTER_OTLP_*</c> variables.
/// </summary>
public sealed record TelemetryEndpoint(string Endpoint, string Protocol, string? Headers);

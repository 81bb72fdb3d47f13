using Mensageria.ServiceDefaults;
using Mensageria.ServiceDefaults.Health;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>Logs, metrics and traces for a Mensageria service, exported over OTLP when asked to.</summary>
public static class OpenTelemetryExtensions
{
    /// <summary>The variable the app host sets when a dashboard is listening.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>How long one export may take, in milliseconds.</summary>
    public const string OtlpTimeoutVariable = "OTEL_EXPORTER_OTLP_TIMEOUT";

    /// <summary>OpenTelemetry's own switch: when true, every provider it builds records nothing.</summary>
    public const string SdkDisabledVariable = "OTEL_SDK_DISABLED";

    /// <summary>
    /// Configures OpenTelemetry logging, metrics and tracing with the OTLP exporter (configured from
    /// the standard OTEL_* variables) when an endpoint is set; without one, turns the SDK off.
    /// </summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var openTelemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(MensageriaTelemetry.Wildcard))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                // Health probes arrive every second or so and would drown the real traces.
                .AddAspNetCoreInstrumentation(aspNetCore =>
                    aspNetCore.Filter = context => !IsHealthProbe(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddSource(MensageriaTelemetry.Wildcard)
                .AddProcessor(new BaggageTagProcessor()));

        if (string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]))
        {
            // Nothing would receive the telemetry: recording it anyway cost about 0.15 ms of CPU per order
            // (spans, log records, metrics). Set it to false to keep spans in process.
            builder.Configuration[SdkDisabledVariable] ??= "true";
        }
        else
        {
            // The collector (the dashboard) runs on this machine: an export that takes a second has
            // failed, and a service that stops should not wait out the default 10 s on its last one.
            builder.Configuration[OtlpTimeoutVariable] ??= "1000";
            openTelemetry.UseOtlpExporter();
        }

        return builder;
    }

    private static bool IsHealthProbe(PathString path) =>
        path.StartsWithSegments(DefaultHealthEndpoints.HealthPath, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(DefaultHealthEndpoints.AlivePath, StringComparison.OrdinalIgnoreCase);
}

using Mensageria.Dashboard;
using Mensageria.Dashboard.AppHost;
using Mensageria.Dashboard.Telemetry;
using Mensageria.Hosting.ApplicationModel;
using Mensageria.Hosting.State;

namespace Mensageria.Hosting;

/// <summary>The dashboard in an app host: <c>builder.AddDashboard()</c>, and <c>app.GetTelemetry()</c> for tests.</summary>
public static class DashboardAppHostExtensions
{
    /// <summary>
    /// Serves the dashboard from the app host (http://localhost:18888, OTLP on :18889 and :18890; free
    /// ports under tests) with secrets generated for the run, and makes its gRPC receiver, with its API
    /// key, where every service sends telemetry.
    /// </summary>
    public static DashboardOptions AddDashboard(this DistributedApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DashboardOptions.Section).Get<DashboardOptions>() ?? new DashboardOptions();
        if (builder.Options.RandomizePorts)
        {
            (options.Port, options.OtlpGrpcPort, options.OtlpHttpPort) = (PortAllocator.GetFreePort(), PortAllocator.GetFreePort(), PortAllocator.GetFreePort());
        }

        options.Complete();
        var limits = builder.Configuration.GetSection(TelemetryLimits.Section).Get<TelemetryLimits>() ?? new TelemetryLimits();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(services => new TelemetryStore(limits, services.GetRequiredService<TimeProvider>()));
        builder.Services.AddHostedService<DashboardHostedService>();
        builder.WithDefaultTelemetryEndpoint(new TelemetryEndpoint(options.OtlpGrpcUrl, "grpc", $"{DashboardOptions.ApiKeyHeader}={options.OtlpApiKey}"));
        return options;
    }

    /// <summary>The telemetry the app's dashboard received: a test waits for and asserts on spans and logs here.</summary>
    public static TelemetryStore GetTelemetry(this DistributedApplication app) =>
        app.Services.GetService<TelemetryStore>()
        ?? throw new InvalidOperationException("This app has no dashboard: its app host must call builder.AddDashboard().");
}

using Mensageria.Dashboard.Telemetry;

namespace Mensageria.Dashboard;

/// <summary>The dashboard on its own, as a plain OTLP viewer: settings from configuration, secrets generated when not set.</summary>
public static class StandaloneDashboardExtensions
{
    public static WebApplicationBuilder AddStandaloneDashboard(this WebApplicationBuilder builder)
    {
        var options = (builder.Configuration.GetSection(DashboardOptions.Section).Get<DashboardOptions>() ?? new DashboardOptions()).Complete();
        var limits = builder.Configuration.GetSection(TelemetryLimits.Section).Get<TelemetryLimits>() ?? new TelemetryLimits();
        builder.Services.AddHostedService<LoginAnnouncement>();
        return builder.AddDashboard(options, new TelemetryStore(limits, TimeProvider.System));
    }

    /// <summary>Says, once listening, where to log in and where to send telemetry.</summary>
    private sealed class LoginAnnouncement(DashboardOptions options, IHostApplicationLifetime lifetime, ILogger<LoginAnnouncement> logger) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken)
        {
            lifetime.ApplicationStarted.Register(() =>
            {
                DashboardLog.LoginUrl(logger, options.LoginUrl);
                DashboardLog.OtlpEndpoints(logger, options.OtlpGrpcUrl, options.OtlpHttpUrl, options.OtlpApiKey);
            });
            return Task.CompletedTask;
        }
    }
}

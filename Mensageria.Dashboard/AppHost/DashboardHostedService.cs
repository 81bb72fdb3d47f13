using Mensageria.Dashboard.Telemetry;
using Mensageria.Hosting.Lifecycle;
using Mensageria.Hosting.Processes;
using Mensageria.Hosting.State;

namespace Mensageria.Dashboard.AppHost;

/// <summary>
/// Runs the dashboard inside the app host, as a web application of its own that shares the app
/// host's telemetry store and resource services. Registered before the orchestrator, so it is
/// listening before any service starts sending telemetry.
/// </summary>
internal sealed class DashboardHostedService(
    DashboardOptions options,
    TelemetryStore store,
    ResourceNotificationService notifications,
    ResourceLogStore logs,
    ResourceCommandService commands,
    ILogger<DashboardHostedService> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (port, role, setting) in new[]
        {
            (options.Port, "pages", "Port"), (options.OtlpGrpcPort, "OTLP gRPC", "OtlpGrpcPort"), (options.OtlpHttpPort, "OTLP HTTP", "OtlpHttpPort"),
        })
        {
            if (!PortAllocator.IsFree(port))
            {
                throw new DistributedApplicationException(
                    $"The dashboard cannot listen on port {port} ({role}): another process uses it (another Mensageria app host?). " +
                    $"Stop that process, or choose another port with {DashboardOptions.Section}__{setting}=… in the app host's environment.");
            }
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DashboardOptions).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Logging.ClearProviders();
        builder.AddDashboard(options, store);
        builder.Services.AddSingleton(notifications);
        builder.Services.AddSingleton(logs);
        builder.Services.AddSingleton(commands);
        _app = builder.Build();
        _app.MapDashboard();
        await _app.StartAsync(cancellationToken);
        DashboardLog.LoginUrl(logger, options.LoginUrl);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

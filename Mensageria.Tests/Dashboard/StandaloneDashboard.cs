using Mensageria.Dashboard;
using Mensageria.Dashboard.Telemetry;
using Mensageria.Hosting.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Mensageria.Tests.Dashboard;

/// <summary>A dashboard on its own (no app host) on free ports, with known secrets, for receiver and login tests.</summary>
public sealed class StandaloneDashboard : IAsyncLifetime
{
    private WebApplication? _app;

    public DashboardOptions Options { get; } = new DashboardOptions
    {
        Port = PortAllocator.GetFreePort(),
        OtlpGrpcPort = PortAllocator.GetFreePort(),
        OtlpHttpPort = PortAllocator.GetFreePort(),
        BrowserToken = "test-browser-token",
        OtlpApiKey = "test-api-key",
    }.Complete();

    public TelemetryStore Store { get; } = new(new TelemetryLimits { MaxAttributes = 8, MaxAttributeLength = 50 }, TimeProvider.System);

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.AddDashboard(Options, Store);
        _app = builder.Build();
        _app.MapDashboard();
        await _app.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

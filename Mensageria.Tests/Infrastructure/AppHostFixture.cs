using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;

namespace Mensageria.Tests.Infrastructure;

/// <summary>
/// The AppHost's own model, started once for a whole test collection through Aspire's testing
/// builder (RabbitMQ alone takes seconds to boot) and disposed after it, with the Aspire dashboard
/// so that tests can read an order's trace. Tests that break the app start their own instead.
/// </summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    public static readonly string[] ResourceNames = ["messaging-epmd", "messaging", "cache", "api", "worker", "web"];

    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app has not started.");

    public TestDashboard Dashboard { get; } = new();

    public async ValueTask InitializeAsync()
    {
        _app = await StartAsync(TestContext.Current.CancellationToken, Dashboard);
        Dashboard.Found(_app);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>
    /// Starts the AppHost's model with its servers' data in a new folder, and the dashboard when one is
    /// given, changed by <paramref name="configure"/> before it is built, and waits until every resource is healthy.
    /// </summary>
    public static async Task<DistributedApplication> StartAsync(
        CancellationToken cancellationToken, TestDashboard? dashboard = null, Action<IDistributedApplicationTestingBuilder>? configure = null, params string[] arguments)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Mensageria_AppHost>(
            [
                $"--LocalServers:DataDirectory={TestDataRoot.NewAppFolder()}",
                // The tests prove the local servers, whether or not this machine runs containers.
                "--LocalServers:Policy=Always",
                // The app host's own warnings, not every resource's console, HTTP call or failed health check while things start.
                "--Logging:LogLevel:Default=Warning",
                "--Logging:LogLevel:Mensageria.AppHost.Resources=None",
                "--Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks=None",
                .. TestCredentials.Arguments(),
                .. dashboard?.Arguments() ?? [],
                .. arguments,
            ],
            (options, _) => options.DisableDashboard = dashboard is null,
            cancellationToken);
        configure?.Invoke(builder);
        if (dashboard is null)
        {
            // As deployed without a collector: Aspire would point the services at the absent dashboard, and they
            // would spend the tests' CPU retrying every export in memory.
            foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
            {
                builder.CreateResourceBuilder(project).WithEnvironment(OpenTelemetryExtensions.OtlpEndpointVariable, "");
            }
        }

        var app = await builder.BuildAsync(cancellationToken);
        try
        {
            await app.StartAsync(cancellationToken);
            await Task.WhenAll(ResourceNames.Select(name => app.WaitForHealthyAsync(name, StartTimeout, cancellationToken)));
            if (dashboard is not null)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(StartTimeout);
                await app.ResourceNotifications.WaitForResourceHealthyAsync(TestDashboard.ResourceName, timeout.Token);
            }

            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}

using Mensageria.Hosting;
using Mensageria.Hosting.Testing;

namespace Mensageria.Tests.Infrastructure;

/// <summary>
/// The AppHost's own application, started once for a whole test collection (RabbitMQ alone takes
/// seconds to boot) and disposed after it. Tests that break the app start their own instead.
/// </summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    public static readonly string[] ResourceNames = ["messaging", "cache", "api", "worker", "web"];

    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app has not started.");

    public async ValueTask InitializeAsync() => _app = await StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>Starts the AppHost's model and waits until every resource is healthy.</summary>
    public static async Task<DistributedApplication> StartAsync(CancellationToken cancellationToken)
    {
        var app = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Mensageria_AppHost>(cancellationToken: cancellationToken);
        try
        {
            await app.StartAsync(cancellationToken);
            await Task.WhenAll(ResourceNames.Select(name => app.WaitForResourceHealthyAsync(name, StartTimeout, cancellationToken)));
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}

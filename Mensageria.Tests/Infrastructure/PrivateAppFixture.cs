namespace Mensageria.Tests.Infrastructure;

/// <summary>An app of its own for one test class whose tests stop, kill and restart resources.</summary>
public class PrivateAppFixture : IAsyncLifetime
{
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app has not started.");

    public async ValueTask InitializeAsync() => _app = await AppHostFixture.StartAsync(TestContext.Current.CancellationToken, configure: Configure);

    /// <summary>Starts what a test stopped or killed and waits until it is healthy, so the next test finds the app whole.</summary>
    public async Task RestartAsync(string resource, CancellationToken cancellationToken)
    {
        await App.StartResourceAsync(resource, cancellationToken);
        await App.WaitForHealthyAsync(resource, AppHostFixture.StartTimeout, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Changes the AppHost's model before it is built, for test classes that need a server run differently.</summary>
    protected virtual void Configure(IDistributedApplicationTestingBuilder builder)
    {
    }
}

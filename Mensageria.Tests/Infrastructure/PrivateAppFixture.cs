namespace Mensageria.Tests.Infrastructure;

/// <summary>An app of its own for one test class whose tests stop, kill and restart resources.</summary>
public class PrivateAppFixture : IAsyncLifetime
{
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app has not started.");

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _app = await AppHostFixture.StartAsync(cancellationToken, configure: Configure, arguments: Arguments);
        await StartedAsync(_app, cancellationToken);
    }

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

    /// <summary>The app host's own settings for this app, as command-line arguments.</summary>
    protected virtual string[] Arguments => [];

    /// <summary>Waits for whatever else the test class needs once every resource is healthy.</summary>
    protected virtual Task StartedAsync(DistributedApplication app, CancellationToken cancellationToken) => Task.CompletedTask;
}

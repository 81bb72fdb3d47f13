using System.Reflection;
using Mensageria.Hosting.ApplicationModel;
using Mensageria.Hosting.Lifecycle;
using Mensageria.Hosting.Processes;
using Mensageria.Hosting.State;
using Mensageria.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mensageria.Hosting;

/// <summary>
/// A built application: <see cref="Run"/> from an app host, or start and drive it from a test
/// (connection strings, HTTP clients, waiting for health, stopping and killing resources).
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly DistributedApplicationOptions _options;
    private readonly ApplicationOrchestrator _orchestrator;
    private bool _started;

    internal DistributedApplication(IHost host, DistributedApplicationOptions options, StateDirectory state)
    {
        _host = host;
        _options = options;
        State = state;
        _orchestrator = host.Services.GetRequiredService<ApplicationOrchestrator>();
        ResourceNotifications = host.Services.GetRequiredService<ResourceNotificationService>();
        ResourceLogs = host.Services.GetRequiredService<ResourceLogStore>();
        host.Services.GetRequiredService<ResourcesFileWriter>();
        if (options.EchoResourceOutput)
        {
            host.Services.GetRequiredService<ConsoleReporter>();
            host.Services.GetRequiredService<ConsoleEcho>();
        }
    }

    public IServiceProvider Services => _host.Services;

    public StateDirectory State { get; }

    public ResourceNotificationService ResourceNotifications { get; }

    public ResourceLogStore ResourceLogs { get; }

    public static DistributedApplicationBuilder CreateBuilder(string[] args)
    {
        var options = TestingSession.Current?.Options ?? new DistributedApplicationOptions();
        options.Args = [.. options.Args, .. args];
        return new DistributedApplicationBuilder(options, TestingSession.Current?.AppHostAssembly ?? Assembly.GetEntryAssembly()!);
    }

    /// <summary>A builder with options of the caller's own: a program that starts apps of its own making (the benchmarks).</summary>
    public static DistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new DistributedApplicationBuilder(options, Assembly.GetEntryAssembly()!);
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        _started = true;
        await _host.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_started)
        {
            _started = false;
            await _host.StopAsync(cancellationToken);
        }
    }

    public void Run() => RunAsync().GetAwaiter().GetResult();

    /// <summary>Runs until Ctrl+C or SIGTERM, then stops every resource. Under a test, hands the application to the test instead.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (TestingSession.Current is { } session)
        {
            session.Capture(this);
            return;
        }

        try
        {
            _started = true;
            await _host.RunAsync(cancellationToken);
        }
        catch (DistributedApplicationException e)
        {
            // The host (and its loggers) are disposed by now: say it on stderr, where it is seen last.
            await Console.Error.WriteLineAsync($"error: the application cannot start:{Environment.NewLine}{e.Message}");
            Environment.ExitCode = 1;
        }
        finally
        {
            _started = false;
        }
    }

    public ValueTask<string> GetConnectionStringAsync(string resourceName, CancellationToken cancellationToken = default) =>
        Find<IResourceWithConnectionString>(resourceName) is { } server
            ? ValueTask.FromResult(server.ConnectionString)
            : throw new ArgumentException($"'{resourceName}' has no connection string.", nameof(resourceName));

    /// <summary>The URL of a resource's endpoint, as <c>resources.json</c> lists it (<c>http</c>, <c>http-1</c>, <c>management</c>).</summary>
    public Uri GetEndpoint(string resourceName, string endpointName = "http") =>
        ResourceNotifications.Get(resourceName).Endpoints.TryGetValue(endpointName, out var url)
            ? new Uri(url)
            : throw new ArgumentException($"'{resourceName}' has no endpoint '{endpointName}'.", nameof(endpointName));

    public HttpClient CreateHttpClient(string resourceName, string endpointName = "http") =>
        new() { BaseAddress = GetEndpoint(resourceName, endpointName) };

    /// <summary>Waits until the resource is healthy; fails at once with the reason if it exits or fails to start.</summary>
    public Task WaitForResourceHealthyAsync(string resourceName, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        ResourceNotifications.WaitForHealthyAsync(resourceName, timeout, cancellationToken);

    public Task StopResourceAsync(string resourceName, CancellationToken cancellationToken = default) =>
        _orchestrator.StopResourceAsync(resourceName, cancellationToken);

    public Task StartResourceAsync(string resourceName) => _orchestrator.StartResourceAsync(resourceName);

    /// <summary>SIGKILL to one replica (<c>worker-1</c>) and everything it started: a crash, for fault tests.</summary>
    public Task KillReplicaAsync(string resourceName, string replicaId) => _orchestrator.KillReplicaAsync(resourceName, replicaId);

    public IReadOnlyList<ResourceLogLine> GetResourceLogs(string resourceName) => ResourceLogs.GetLines(resourceName);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
        if (_options.DeleteStateDirectoryOnDispose)
        {
            Directory.Delete(State.Path, recursive: true);
        }
    }

    private T? Find<T>(string name) where T : class, IResource =>
        Services.GetRequiredService<IReadOnlyList<Runners.ResourceRunner>>().Select(r => r.Resource).OfType<T>().FirstOrDefault(r => r.Name == name);

}

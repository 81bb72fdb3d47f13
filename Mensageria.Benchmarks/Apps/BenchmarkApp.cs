using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Mensageria.Hosting.LocalServers;
using Mensageria.Messaging.Orders;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Mensageria.Benchmarks.Apps;

/// <summary>
/// One system under test, built and started as an Aspire app model the way Mensageria.AppHost builds
/// it (RabbitMQ with its management plugin and Redis as local processes, an API, N workers), with its
/// servers' data in a fresh folder and every port random, tracing to the Aspire dashboard when asked,
/// and the catalog seeded with every product's stock raised so that no order of the run is short.
/// </summary>
public sealed class BenchmarkApp(DistributedApplication app, string dataDirectory, BenchmarkSystem system, int replicas, bool tracing) : IAsyncDisposable
{
    private readonly ResourcePids _pids = new(app);

    private static readonly TimeSpan s_startTimeout = TimeSpan.FromMinutes(3);
    private static readonly string[] s_resources = ["messaging", "cache", "api", "worker"];

    public BenchmarkSystem System { get; } = system;

    public int Replicas { get; } = replicas;

    public bool Tracing { get; } = tracing;

    public Uri Api => new(Resource<IResourceWithEndpoints>("api").GetEndpoint("http").Url);

    /// <summary>The load generator's key to the API: a service key, checked in memory and with no rate, like the web's.</summary>
    public static string ApiKey { get; } = global::System.Security.Cryptography.RandomNumberGenerator.GetHexString(32);

    /// <summary>CPU seconds used so far by each resource's processes and by the load generator.</summary>
    public IReadOnlyDictionary<string, double> CpuSeconds() => CpuUsage.Sample(_pids.ByResource());

    /// <summary>CPU ticks used so far by each background JIT thread of the app's .NET processes and of the load generator.</summary>
    public IReadOnlyDictionary<int, long> JitThreads() => JitCompilerUsage.Sample(_pids.ByResource());

    /// <summary>The resident memory of each resource's processes now (every replica together), and of the load generator.</summary>
    public IReadOnlyDictionary<string, double> MemoryMegabytes()
    {
        var processes = ProcessTable.Read();
        var megabytes = _pids.ByResource().ToDictionary(r => r.Key, r => Math.Round(r.Value.Sum(pid => processes.Tree(pid, p => p.ResidentBytes)) / (1024 * 1024), 1), StringComparer.Ordinal);
        megabytes[CpuUsage.LoadGenerator] = Math.Round(processes.Tree(Environment.ProcessId, p => p.ResidentBytes, children: false) / (1024 * 1024), 1);
        return megabytes;
    }

    public async ValueTask<string> BrokerAsync(CancellationToken cancellationToken) =>
        await ConnectionStringAsync("messaging", cancellationToken);

    public static async Task<BenchmarkApp> StartAsync(
        BenchmarkSystem system, int replicas, bool tracing, IReadOnlyDictionary<string, string> environment, Progress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(progress);
        progress.Step($"Starting {system} with {replicas} worker replica(s), tracing {(tracing ? "on" : "off")}…");
        var data = Directory.CreateTempSubdirectory("mensageria-benchmarks-").FullName;
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = [.. Settings(data, tracing)],
            DisableDashboard = !tracing,
        });

        var messaging = builder.AddRabbitMQ("messaging").WithManagementPlugin().RunAsLocalProcess(LocalProcessPolicy.Always);
        var cache = builder.AddRedis("cache").RunAsLocalProcess(LocalProcessPolicy.Always);
        var (api, worker) = system == BenchmarkSystem.Mensageria
            ? (builder.AddProject<Projects.Mensageria_Api>("api"), builder.AddProject<Projects.Mensageria_Worker>("worker"))
            : (builder.AddProject<Projects.Mensageria_Benchmarks_MassTransit>("api").WithEnvironment("Peer__Role", "Api"),
               builder.AddProject<Projects.Mensageria_Benchmarks_MassTransit>("worker").WithEnvironment("Peer__Role", "Worker"));
        foreach (var service in new[] { api, worker })
        {
            // As deployed: Production, though the launch profiles say Development. Tracing off means
            // no exporter at all: Aspire would point it at the absent dashboard, and every failed
            // export would be retried in memory, at the services' expense.
            service.WithEnvironment("ASPNETCORE_ENVIRONMENT", "Production");
            if (!tracing)
            {
                service.WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", "");
            }

            foreach (var (name, value) in environment)
            {
                service.WithEnvironment(name, value);
            }
        }

        // With their health checks, as under the app host: a project without one counts as healthy
        // once started, and a phase would then measure it starting.
        api.WithReference(messaging).WaitFor(messaging).WithReference(cache).WaitFor(cache).WithHttpHealthCheck("/health")
            .WithEnvironment("Mensageria__Credentials__ServiceKeys__load", ApiKey);
        worker.WithReference(messaging).WaitFor(messaging).WithReference(cache).WaitFor(cache).WithReplicas(replicas).WithHttpHealthCheck("/health");

        var app = builder.Build();
        var benchmarkApp = new BenchmarkApp(app, data, system, replicas, tracing);
        try
        {
            await app.StartAsync(cancellationToken);
            var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(s_startTimeout);
            await Task.WhenAll(s_resources.Select(r => notifications.WaitForResourceHealthyAsync(r, timeout.Token)));
            // messaging, cache and api have one process each, the workers one per replica.
            await benchmarkApp._pids.WaitUntilKnownAsync(s_resources, s_resources.Length - 1 + replicas, timeout.Token);
            await PrepareCatalogAsync(await benchmarkApp.ConnectionStringAsync("cache", cancellationToken));
        }
        catch
        {
            await benchmarkApp.DisposeAsync();
            throw;
        }

        progress.Step($"{system} is healthy.");
        return benchmarkApp;
    }

    public async ValueTask DisposeAsync()
    {
        await _pids.DisposeAsync();
        await app.DisposeAsync();
        Directory.Delete(dataDirectory, recursive: true);
    }

    /// <summary>
    /// The app host's settings: Production, random ports (a running
    /// Mensageria.AppHost keeps its own), and with tracing the dashboard on free ports, logged in by
    /// nobody: only the services' exports reach it.
    /// </summary>
    private static IEnumerable<string> Settings(string data, bool tracing)
    {
        yield return "--environment=Production";
        yield return "--DcpPublisher:RandomizePorts=true";
        yield return $"--LocalServers:DataDirectory={data}";
        if (tracing)
        {
            yield return $"--ASPNETCORE_URLS=http://localhost:{FreeLoopbackPort()}";
            yield return $"--ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://localhost:{FreeLoopbackPort()}";
            yield return $"--ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://localhost:{FreeLoopbackPort()}";
            yield return "--ASPIRE_ALLOW_UNSECURED_TRANSPORT=true";
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new global::System.Net.Sockets.TcpListener(global::System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((global::System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<string> ConnectionStringAsync(string name, CancellationToken cancellationToken) =>
        await Resource<IResourceWithConnectionString>(name).GetConnectionStringAsync(cancellationToken)
            ?? throw new InvalidOperationException($"'{name}' has no connection string.");

    private T Resource<T>(string name) where T : IResource =>
        app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<T>().Single(r => r.Name == name);

    private static async Task PrepareCatalogAsync(string redis)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis);
        await new CatalogStore(connection, TimeProvider.System).SeedAsync();
        await connection.GetDatabase().HashSetAsync(RedisKeys.Stock, [.. SeedCatalog.Products.Select(p => new HashEntry(p.Sku, 1_000_000_000))]);
    }
}

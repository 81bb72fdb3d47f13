using Mensageria.Hosting;
using Mensageria.Messaging.Orders;
using StackExchange.Redis;

namespace Mensageria.Benchmarks.Apps;

/// <summary>
/// One system under test, started through the app model as the AppHost starts it (RabbitMQ with its
/// management plugin, Redis, an API, N workers) in a fresh state directory on free ports, with the
/// catalog seeded and every product's stock raised so that no order of the run is short.
/// </summary>
public sealed class BenchmarkApp(DistributedApplication app, BenchmarkSystem system, int replicas, bool tracing) : IAsyncDisposable
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromMinutes(3);
    private static readonly string[] s_resources = ["messaging", "cache", "api", "worker"];

    public BenchmarkSystem System { get; } = system;

    public int Replicas { get; } = replicas;

    public bool Tracing { get; } = tracing;

    public Uri Api => app.GetEndpoint("api");

    /// <summary>CPU seconds used so far by each resource's processes and by the load generator.</summary>
    public IReadOnlyDictionary<string, double> CpuSeconds() => CpuUsage.Sample(app.ResourceNotifications.Snapshots.ToDictionary(
        s => s.Name, s => (IReadOnlyList<int>)[.. s.Replicas.Where(r => r.Pid is not null).Select(r => r.Pid!.Value)], StringComparer.Ordinal));

    public ValueTask<string> BrokerAsync(CancellationToken cancellationToken) => app.GetConnectionStringAsync("messaging", cancellationToken);

    public static async Task<BenchmarkApp> StartAsync(
        BenchmarkSystem system, int replicas, bool tracing, IReadOnlyDictionary<string, string> environment, Progress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(progress);
        progress.Step($"Starting {system} with {replicas} worker replica(s), tracing {(tracing ? "on" : "off")}…");
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            StateDirectory = Path.Combine(Path.GetTempPath(), "mensageria-benchmarks", Guid.NewGuid().ToString("N")[..12]),
            DeleteStateDirectoryOnDispose = true,
            RandomizePorts = true,
            EchoResourceOutput = false,
            Args = ["--environment", "Production"],
        });
        if (tracing)
        {
            builder.AddDashboard();
        }

        var messaging = builder.AddRabbitMQ("messaging").WithManagementPlugin();
        var cache = builder.AddRedis("cache");
        var (api, worker) = system == BenchmarkSystem.Mensageria
            ? (builder.AddProject<Projects.Mensageria_Api>("api"), builder.AddProject<Projects.Mensageria_Worker>("worker"))
            : (builder.AddProject<Projects.Mensageria_Benchmarks_MassTransit>("api").WithEnvironment("Peer__Role", "Api"),
               builder.AddProject<Projects.Mensageria_Benchmarks_MassTransit>("worker").WithEnvironment("Peer__Role", "Worker"));
        foreach (var (name, value) in environment)
        {
            api.WithEnvironment(name, value);
            worker.WithEnvironment(name, value);
        }

        api.WithReference(messaging).WaitFor(messaging).WithReference(cache).WaitFor(cache);
        worker.WithReference(messaging).WaitFor(messaging).WithReference(cache).WaitFor(cache).WithReplicas(replicas);

        var app = builder.Build();
        try
        {
            await app.StartAsync(cancellationToken);
            await Task.WhenAll(s_resources.Select(r => app.WaitForResourceHealthyAsync(r, s_startTimeout, cancellationToken)));
            await PrepareCatalogAsync(await app.GetConnectionStringAsync("cache", cancellationToken));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        progress.Step($"{system} is healthy.");
        return new BenchmarkApp(app, system, replicas, tracing);
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private static async Task PrepareCatalogAsync(string redis)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis);
        await new CatalogStore(connection).SeedAsync();
        await connection.GetDatabase().HashSetAsync(RedisKeys.Stock, [.. SeedCatalog.Products.Select(p => new HashEntry(p.Sku, 1_000_000_000))]);
    }
}

using Mensageria.Benchmarks.Apps;
using Mensageria.Benchmarks.Load;
using Mensageria.Benchmarks.Raw;
using Mensageria.Benchmarks.Results;

namespace Mensageria.Benchmarks;

/// <summary>
/// The phases of one run, in order: the broker's raw limit and the pipeline at full speed and at half
/// that rate (2 workers, tracing off); the pipeline with 1 and 4 workers; with tracing on; and the
/// MassTransit peer at full speed and half rate. A quick run does one app of each system, tracing on.
/// </summary>
public sealed class BenchmarkRun(BenchmarkSettings settings, Progress progress)
{
    public const int DefaultReplicas = 2;

    public async Task<IReadOnlyList<PhaseResult>> RunAsync(CancellationToken cancellationToken)
    {
        var phases = new List<PhaseResult>();
        var mainTracing = settings.Quick;
        if (settings.Runs(BenchmarkSettings.Raw) || settings.Runs(BenchmarkSettings.Pipeline))
        {
            await using var app = await StartAsync(BenchmarkSystem.Mensageria, DefaultReplicas, mainTracing, cancellationToken);
            if (settings.Runs(BenchmarkSettings.Raw))
            {
                progress.Step("Phase raw: RabbitMQ.Client alone on the same broker");
                var before = app.CpuSeconds();
                var raw = await RawBrokerBenchmark.RunAsync(await app.BrokerAsync(cancellationToken), settings.PhaseDuration, progress, cancellationToken);
                phases.Add(raw with { CpuSeconds = CpuUsage.Difference(before, app.CpuSeconds()) });
            }

            if (settings.Runs(BenchmarkSettings.Pipeline))
            {
                phases.AddRange(await FullAndHalfAsync(app, cancellationToken));
            }
        }

        foreach (var replicas in settings.ReplicaCounts.Where(r => r != DefaultReplicas && settings.Runs(BenchmarkSettings.Scaling)))
        {
            await using var app = await StartAsync(BenchmarkSystem.Mensageria, replicas, tracing: false, cancellationToken);
            phases.Add(await FullSpeedAsync(app, $"mensageria-{replicas}-workers", cancellationToken));
        }

        if (!settings.Quick && settings.Runs(BenchmarkSettings.Tracing))
        {
            await using var app = await StartAsync(BenchmarkSystem.Mensageria, DefaultReplicas, tracing: true, cancellationToken);
            phases.Add(await FullSpeedAsync(app, "mensageria-tracing-on", cancellationToken));
        }

        if (settings.Runs(BenchmarkSettings.Peer))
        {
            await using var app = await StartAsync(BenchmarkSystem.MassTransit, DefaultReplicas, mainTracing, cancellationToken);
            phases.AddRange(await FullAndHalfAsync(app, cancellationToken));
        }

        return phases;
    }

    private Task<BenchmarkApp> StartAsync(BenchmarkSystem system, int replicas, bool tracing, CancellationToken cancellationToken) =>
        BenchmarkApp.StartAsync(system, replicas, tracing, settings.ServiceEnvironment, progress, cancellationToken);

    private async Task<PhaseResult[]> FullAndHalfAsync(BenchmarkApp app, CancellationToken cancellationToken)
    {
        var name = app.System.ToString().ToLowerInvariant();
        var full = await FullSpeedAsync(app, name, cancellationToken);
        var rate = settings.FixedRate ?? Math.Max(1, full.CompletedPerSecond / 2);
        progress.Step($"Phase {name}-half-rate: {rate:0} orders/s, {(settings.FixedRate is null ? "half of what it completed at full speed" : "as --rate asks")}");
        await using var completions = await CompletionListener.StartAsync(await app.BrokerAsync(cancellationToken), app.System, cancellationToken);
        using var load = new OrderLoad(app.Api, BenchmarkApp.ApiKey, completions, settings, progress);
        var before = app.CpuSeconds();
        var half = await load.RunAtRateAsync($"{name}-half-rate", app.System.ToString(), app.Replicas, app.Tracing, rate, cancellationToken);
        return [full, half with { CpuSeconds = CpuUsage.Difference(before, app.CpuSeconds()) }];
    }

    private async Task<PhaseResult> FullSpeedAsync(BenchmarkApp app, string name, CancellationToken cancellationToken)
    {
        await using var completions = await CompletionListener.StartAsync(await app.BrokerAsync(cancellationToken), app.System, cancellationToken);
        if (settings.WarmUp > TimeSpan.Zero)
        {
            progress.Step($"Warming up {name} for {settings.WarmUp.TotalSeconds:0} s (not measured)");
            using var warmUp = new OrderLoad(app.Api, BenchmarkApp.ApiKey, completions, settings with { PhaseDuration = settings.WarmUp }, progress);
            await warmUp.RunAtFullSpeedAsync($"{name}-warm-up", app.System.ToString(), app.Replicas, app.Tracing, cancellationToken);
        }

        progress.Step($"Phase {name}: {settings.Clients} clients posting orders as fast as they are accepted");
        using var load = new OrderLoad(app.Api, BenchmarkApp.ApiKey, completions, settings, progress);
        var before = app.CpuSeconds();
        var result = await load.RunAtFullSpeedAsync(name, app.System.ToString(), app.Replicas, app.Tracing, cancellationToken);
        return result with { CpuSeconds = CpuUsage.Difference(before, app.CpuSeconds()) };
    }
}

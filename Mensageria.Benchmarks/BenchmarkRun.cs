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
                var broker = await app.BrokerAsync(cancellationToken);
                var warmUp = await WarmUpAsync(app, "raw", slice => RawBrokerBenchmark.RunAsync(broker, slice, progress, cancellationToken));
                var raw = await MeasureAsync(app, () => RawBrokerBenchmark.RunAsync(broker, settings.PhaseDuration, progress, cancellationToken));
                phases.Add(raw with { WarmUpSeconds = warmUp.TotalSeconds });
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
        var half = await MeasureAsync(app, () => load.RunAtRateAsync($"{name}-half-rate", app.System.ToString(), app.Replicas, app.Tracing, rate, cancellationToken));
        return [full, half];
    }

    private async Task<PhaseResult> FullSpeedAsync(BenchmarkApp app, string name, CancellationToken cancellationToken)
    {
        await using var completions = await CompletionListener.StartAsync(await app.BrokerAsync(cancellationToken), app.System, cancellationToken);
        var warmUp = await WarmUpAsync(app, name, async slice =>
        {
            using var load = new OrderLoad(app.Api, BenchmarkApp.ApiKey, completions, settings with { PhaseDuration = slice }, progress);
            return await load.RunAtFullSpeedAsync($"{name}-warm-up", app.System.ToString(), app.Replicas, app.Tracing, cancellationToken);
        });
        progress.Step($"Phase {name}: {settings.Clients} clients posting orders as fast as they are accepted");
        using var load = new OrderLoad(app.Api, BenchmarkApp.ApiKey, completions, settings, progress);
        var result = await MeasureAsync(app, () => load.RunAtFullSpeedAsync(name, app.System.ToString(), app.Replicas, app.Tracing, cancellationToken));
        return result with { WarmUpSeconds = warmUp.TotalSeconds };
    }

    /// <summary>
    /// Full speed, unmeasured, slice by slice until the background JIT's share of the CPU has fallen to
    /// <see cref="BenchmarkSettings.SettledJitShare"/>. A fixed 5 s was too short: the JIT then still took
    /// a quarter of the CPU, and the phase measured the app's compilation as much as the app.
    /// </summary>
    private async Task<TimeSpan> WarmUpAsync(BenchmarkApp app, string name, Func<TimeSpan, Task<PhaseResult>> runSlice)
    {
        var elapsed = TimeSpan.Zero;
        if (settings.WarmUpSlice <= TimeSpan.Zero)
        {
            return elapsed;
        }

        progress.Step($"Warming up {name} (not measured) until the JIT has settled, at most {BenchmarkSettings.MaxWarmUp.TotalSeconds:0} s");
        while (true)
        {
            var slice = await MeasureAsync(app, () => runSlice(settings.WarmUpSlice));
            elapsed += settings.WarmUpSlice;
            var jit = $"the JIT used {slice.JitShare:P0} of the CPU in the last {settings.WarmUpSlice.TotalSeconds:0} s";
            if (slice.JitShare <= BenchmarkSettings.SettledJitShare)
            {
                progress.Step($"Warm after {elapsed.TotalSeconds:0} s: {jit}");
                return elapsed;
            }

            if (elapsed >= BenchmarkSettings.MaxWarmUp)
            {
                progress.Step($"Still compiling after {elapsed.TotalSeconds:0} s ({jit}): measuring anyway; the phase's JIT share says how much it cost");
                return elapsed;
            }

            progress.Step($"  still warming up: {jit}");
        }
    }

    /// <summary>Runs a phase, and adds the CPU each process group used during it and the JIT's share of all of it.</summary>
    private static async Task<PhaseResult> MeasureAsync(BenchmarkApp app, Func<Task<PhaseResult>> phase)
    {
        var (cpuBefore, jitBefore) = (app.CpuSeconds(), app.JitThreads());
        var result = await phase();
        var cpu = CpuUsage.Difference(cpuBefore, app.CpuSeconds());
        var total = cpu.Values.Sum();
        return result with { CpuSeconds = cpu, JitShare = total > 0 ? Math.Round(JitCompilerUsage.SecondsBetween(jitBefore, app.JitThreads()) / total, 3) : 0 };
    }
}

using Mensageria.Benchmarks.Apps;
using Mensageria.Benchmarks.Load;
using Mensageria.Messaging.Topology;
using RabbitMQ.Client;

namespace Mensageria.Benchmarks.Soak;

/// <summary>
/// The pipeline (2 workers, tracing off) at half the rate it completes at full speed, for a long
/// time, looked at every ten seconds: each resource's memory, the order queue's backlog, errors.
/// </summary>
public sealed class SoakRun(BenchmarkSettings settings, TimeSpan duration, double? rate, Progress progress)
{
    private static readonly TimeSpan s_every = TimeSpan.FromSeconds(10);

    public async Task<SoakReport> RunAsync(string machine, CancellationToken cancellationToken)
    {
        await using var app = await BenchmarkApp.StartAsync(BenchmarkSystem.Mensageria, BenchmarkRun.DefaultReplicas, tracing: false, settings.ServiceEnvironment, progress, cancellationToken);
        await using var completions = await CompletionListener.StartAsync(await app.BrokerAsync(cancellationToken), app.System, cancellationToken);
        var perSecond = rate ?? await HalfOfFullSpeedAsync(app, completions, cancellationToken);

        progress.Step($"Soak: {perSecond:0} orders/s for {duration.TotalMinutes:0.#} min, a look every {s_every.TotalSeconds:0} s");
        var factory = new ConnectionFactory { Uri = new Uri(await app.BrokerAsync(cancellationToken)) };
        await using var broker = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await broker.CreateChannelAsync(cancellationToken: cancellationToken);
        using var load = new OrderLoad(app.Api, BenchmarkApp.ApiKey, completions, settings with { PhaseDuration = duration }, progress);
        var samples = new List<SoakSample>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var start = TimeProvider.System.GetTimestamp();
        var looking = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(s_every);
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                var backlog = (await channel.QueueDeclarePassiveAsync(MessagingTopology.OrdersQueue, stop.Token)).MessageCount;
                samples.Add(new SoakSample(TimeProvider.System.GetElapsedTime(start).TotalMinutes, app.MemoryMegabytes(), backlog, load.Accepted, completions.Count, load.Errors));
            }
        }, stop.Token);
        var phase = await load.RunAtRateAsync("soak", app.System.ToString(), app.Replicas, app.Tracing, perSecond, cancellationToken);
        await stop.CancelAsync();
        await looking.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        // The first fifth, at least a minute, is the warm-up: pools, caches and the JIT settle first.
        return new SoakReport(DateTimeOffset.UtcNow, machine, perSecond, Math.Max(1, duration.TotalMinutes / 5), phase, samples);
    }

    private async Task<double> HalfOfFullSpeedAsync(BenchmarkApp app, CompletionListener completions, CancellationToken cancellationToken)
    {
        progress.Step($"Measuring full speed for {settings.PhaseDuration.TotalSeconds:0} s, to soak at half of it");
        using var full = new OrderLoad(app.Api, BenchmarkApp.ApiKey, completions, settings, progress);
        var result = await full.RunAtFullSpeedAsync("soak-full-speed", app.System.ToString(), app.Replicas, app.Tracing, cancellationToken);
        return Math.Max(1, result.CompletedPerSecond / 2);
    }
}

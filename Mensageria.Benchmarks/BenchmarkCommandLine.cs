using System.CommandLine;
using System.Text.Json;
using System.Runtime.InteropServices;
using Mensageria.Benchmarks.Results;
using Mensageria.Benchmarks.Soak;

namespace Mensageria.Benchmarks;

/// <summary><c>dotnet run -c Release --project Mensageria.Benchmarks [-- --quick] [--duration S] [--clients C] [--output DIR] [--rate R] [--soak MINUTES]</c>.</summary>
public static class BenchmarkCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var quick = new Option<bool>("--quick") { Description = "A few seconds per phase and two apps only: proves the benchmark runs, measures nothing worth keeping" };
        var duration = new Option<double?>("--duration") { Description = "Seconds of load per phase (default 15; quick 2)" };
        var clients = new Option<int>("--clients") { Description = "Concurrent HTTP clients at full speed", DefaultValueFactory = _ => 64 };
        var output = new Option<string>("--output") { Description = "Where results.json, summary.md and the plots go (default: docs/benchmarks of the repository)", DefaultValueFactory = _ => DefaultOutput() };
        var only = new Option<string[]>("--only") { Description = "Run only these groups: raw, pipeline, scaling, tracing, peer", AllowMultipleArgumentsPerToken = true };
        only.AcceptOnlyFromAmong(BenchmarkSettings.Raw, BenchmarkSettings.Pipeline, BenchmarkSettings.Scaling, BenchmarkSettings.Tracing, BenchmarkSettings.Peer);
        var serviceEnvironment = new Option<string[]>("--service-env") { Description = "NAME=VALUE given to every API and worker process (an experiment, e.g. DOTNET_gcServer=0)" };
        var soak = new Option<double?>("--soak") { Description = "Instead of the phases: a soak of this many minutes at half of full speed (or --rate), memory and backlog sampled every 10 s" };
        var rate = new Option<double?>("--rate") { Description = "Orders per second of the soak, or of the fixed-rate phases, instead of half of a measured full speed" };
        var replot = new Option<string?>("--replot") { Description = "Write summary.md and the plots again from a results.json, without measuring" };
        var root = new RootCommand("Measures the order pipeline against RabbitMQ.Client alone and a MassTransit peer, on this machine, in one run.")
        {
            quick, duration, clients, output, only, serviceEnvironment, soak, rate, replot,
        };
        root.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(replot) is { } saved)
            {
                var previous = JsonSerializer.Deserialize(await File.ReadAllTextAsync(saved, cancellationToken), ReportJsonContext.Default.BenchmarkReport)!;
                Console.WriteLine(await ReportWriter.WriteAsync(previous, parse.GetValue(output)!, cancellationToken));
                return 0;
            }

            var isQuick = parse.GetValue(quick);
            var settings = new BenchmarkSettings(
                TimeSpan.FromSeconds(parse.GetValue(duration) ?? (isQuick ? 2 : 15)), parse.GetValue(clients), parse.GetValue(output)!, isQuick)
            {
                Only = (parse.GetValue(only) ?? []).ToHashSet(StringComparer.Ordinal),
                ServiceEnvironment = (parse.GetValue(serviceEnvironment) ?? []).Select(v => v.Split('=', 2))
                    .ToDictionary(v => v[0], v => v.ElementAtOrDefault(1) ?? "", StringComparer.Ordinal),
                FixedRate = parse.GetValue(rate),
            };
            var progress = new Progress(Console.Out);
            if (parse.GetValue(soak) is { } minutes)
            {
                var soaked = await new SoakRun(settings, TimeSpan.FromMinutes(minutes), parse.GetValue(rate), progress).RunAsync(Machine(), cancellationToken);
                Console.WriteLine();
                Console.WriteLine(await SoakWriter.WriteAsync(soaked, settings.OutputDirectory, cancellationToken));
                Console.WriteLine($"Written to {Path.GetFullPath(settings.OutputDirectory)}");
                return soaked.Held ? 0 : 1;
            }

            var phases = await new BenchmarkRun(settings, progress).RunAsync(cancellationToken);
            var report = new BenchmarkReport(DateTimeOffset.UtcNow, Machine(), new BenchmarkSettingsSnapshot(settings.PhaseDuration.TotalSeconds, settings.Clients, isQuick),
                phases, Ratios.Of(phases));
            Console.WriteLine();
            Console.WriteLine(await ReportWriter.WriteAsync(report, settings.OutputDirectory, cancellationToken));
            Console.WriteLine($"Written to {Path.GetFullPath(settings.OutputDirectory)}");
            return 0;
        });
        return await root.Parse(args).InvokeAsync();
    }

    /// <summary><c>docs/benchmarks</c> beside this project, wherever the command is run from.</summary>
    private static string DefaultOutput()
    {
        var project = typeof(BenchmarkCommandLine).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .OfType<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "MensageriaProjectDirectory")?.Value ?? Directory.GetCurrentDirectory();
        return Path.GetFullPath(Path.Combine(project, "..", "docs", "benchmarks"));
    }

    private static string Machine() =>
        $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024 * 1024)} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
}

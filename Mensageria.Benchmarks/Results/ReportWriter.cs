using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Mensageria.Benchmarks.Results;

/// <summary>Writes a run's results: <c>results.json</c>, <c>summary.md</c> (the table and ratios), and the two plots.</summary>
public static class ReportWriter
{
    public static async Task<string> WriteAsync(BenchmarkReport report, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var summary = Summary(report);
        await WriteFilesAsync(directory, cancellationToken,
            ("results.json", JsonSerializer.Serialize(report, ReportJsonContext.Default.BenchmarkReport)),
            ("throughput.svg", SvgCharts.Throughput(report.Phases)),
            ("latency.svg", SvgCharts.Latency(report.Phases)),
            ("summary.md", summary));
        return summary;
    }

    /// <summary>Writes each named text into <paramref name="directory"/>, which it creates if need be.</summary>
    public static async Task WriteFilesAsync(string directory, CancellationToken cancellationToken, params (string Name, string Text)[] files)
    {
        ArgumentNullException.ThrowIfNull(files);
        Directory.CreateDirectory(directory);
        foreach (var (name, text) in files)
        {
            await File.WriteAllTextAsync(Path.Combine(directory, name), text, cancellationToken);
        }
    }

    private static string Summary(BenchmarkReport report)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Run {report.At:yyyy-MM-dd HH:mm} UTC on {report.Machine}; {report.Settings.PhaseSeconds:0.#} s per phase, {report.Settings.Clients} clients{(report.Settings.Quick ? ", quick" : "")}.")
            .AppendLine()
            .AppendLine("| Phase | System | Workers | Tracing | Load | Accepted/s | Completed/s | p50 ms | p90 ms | p99 ms | max ms | Refused (503) | Errors |")
            .AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var p in report.Phases)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {p.Name} | {p.System} | {p.Replicas} | {(p.Tracing ? "on" : "off")} | {p.Load} | {p.AcceptedPerSecond:0} | {p.CompletedPerSecond:0} | {p.Latency.P50:0.0} | {p.Latency.P90:0.0} | {p.Latency.P99:0.0} | {p.Latency.Max:0} | {p.Refused} | {p.Errors} |");
        }

        var groups = report.Phases.SelectMany(p => p.CpuSeconds.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        text.AppendLine().AppendLine($"CPU seconds used during each phase (load and drain), by process group; the machine has {Environment.ProcessorCount} cores:").AppendLine()
            .AppendLine($"| Phase | {string.Join(" | ", groups)} | total |").AppendLine($"|---|{string.Concat(groups.Select(_ => "---|"))}---|");
        foreach (var p in report.Phases)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {p.Name} | {string.Join(" | ", groups.Select(g => p.CpuSeconds.TryGetValue(g, out var s) ? s.ToString("0.0", CultureInfo.InvariantCulture) : "-"))} | {p.CpuSeconds.Values.Sum():0.0} |");
        }

        text.AppendLine().AppendLine("CPU milliseconds per completed order (per message for raw), every process but the load generator and the dashboard:").AppendLine()
            .AppendLine("| Phase | CPU ms | Warm-up s | JIT share of the CPU |").AppendLine("|---|---|---|---|");
        foreach (var p in report.Phases)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {p.Name} | {p.CpuMillisecondsPerCompleted:0.00} | {p.WarmUpSeconds:0} | {p.JitShare:P1} |");
        }

        text.AppendLine().AppendLine("| Ratio | Value |").AppendLine("|---|---|");
        foreach (var (name, value) in report.Ratios)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value:0.00} |");
        }

        return text.ToString();
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using Mensageria.Benchmarks.Results;

namespace Mensageria.Benchmarks.Soak;

/// <summary>Writes a soak's <c>soak.json</c> (every sample), <c>soak.svg</c> (memory over time) and <c>soak.md</c> (what it came to).</summary>
public static class SoakWriter
{
    public static async Task<string> WriteAsync(SoakReport report, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var summary = Summary(report);
        await ReportWriter.WriteFilesAsync(directory, cancellationToken,
            ("soak.json", JsonSerializer.Serialize(report, ReportJsonContext.Default.SoakReport)),
            ("soak.svg", SvgCharts.Soak(report)),
            ("soak.md", summary));
        return summary;
    }

    private static string Summary(SoakReport report)
    {
        var phase = report.Phase;
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Soak {report.At:yyyy-MM-dd HH:mm} UTC on {report.Machine}: {report.OrdersPerSecond:0} orders/s for {phase.DurationSeconds / 60:0.#} min, 2 workers, tracing off; the first {report.WarmUpMinutes:0.#} min are the warm-up.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- Orders: {phase.Accepted:N0} accepted, {phase.Completed:N0} completed, **{phase.Errors} errors**; latency p50 {phase.Latency.P50:0} ms, p99 {phase.Latency.P99:0} ms, max {phase.Latency.Max:0} ms.")
            .AppendLine(CultureInfo.InvariantCulture, $"- Backlog of `orders.placed` after the warm-up: at most **{report.MaxBacklog:N0}** ready messages (bound: {report.OrdersPerSecond * 5:0}, five seconds of orders).")
            .AppendLine()
            .AppendLine("| Process group | Mean after warm-up (MB) | Farthest sample from the mean | First after warm-up (MB) | Last (MB) |")
            .AppendLine("|---|---|---|---|---|");
        foreach (var (resource, memory) in report.Memory())
        {
            var flagged = SoakReport.MustStayFlat(resource) && memory.Deviation > SoakReport.FlatWithin ? "**" : "";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {resource} | {memory.MeanMegabytes:0} | {flagged}±{memory.Deviation:0.0%}{flagged} | {memory.FirstMegabytes:0} | {memory.LastMegabytes:0} |");
        }

        return text.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture,
                $"Redis (`{SoakReport.DataStore}`) keeps every order, so its memory grows with them: {report.DataStoreBytesPerOrder:N0} bytes per order completed after the warm-up. The load generator keeps every order's times, to measure latency. The others must stay flat.")
            .AppendLine()
            .AppendLine(report.Held
                ? "Held: every process's memory but Redis's within ±10 % of its mean after the warm-up, no error, the backlog bounded."
                : "NOT held: see the figures in bold, and the samples in soak.json.")
            .ToString();
    }
}

using System.Globalization;
using System.Text;

namespace Mensageria.Benchmarks.Results;

/// <summary>The two plots, drawn as SVG: completed orders/s per configuration, and latency distributions.</summary>
public static class SvgCharts
{
    private const int Width = 760, Height = 420, Left = 70, Right = 20, Top = 40, Bottom = 70;
    private static readonly string[] s_colours = ["#0969da", "#1a7f37", "#cf222e", "#9a6700", "#8250df", "#57606a", "#bf3989", "#0a3069"];

    /// <summary>Bars of completed orders per second, one per full-speed phase; the raw limit in the title.</summary>
    public static string Throughput(IReadOnlyList<PhaseResult> phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        var bars = phases.Where(p => p.Name != "raw" && !p.Name.EndsWith("half-rate", StringComparison.Ordinal)).ToList();
        var raw = phases.FirstOrDefault(p => p.Name == "raw");
        var max = Math.Max(1, bars.Select(b => b.CompletedPerSecond).DefaultIfEmpty(0).Max()) * 1.15;
        var svg = Open($"Completed orders/s at full speed{(raw is null ? "" : $" (raw broker limit: {F(raw.CompletedPerSecond, "0")} msg/s)")}");
        var slot = (Width - Left - Right) / (double)bars.Count;
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var height = bar.CompletedPerSecond / max * (Height - Top - Bottom);
            var x = Left + i * slot + slot * 0.15;
            var y = Height - Bottom - height;
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{F(x)}" y="{F(y)}" width="{F(slot * 0.7)}" height="{F(height)}" fill="{s_colours[i % s_colours.Length]}"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(x + slot * 0.35)}" y="{F(y - 6)}" text-anchor="middle">{F(bar.CompletedPerSecond, "0")}</text>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(x + slot * 0.35)}" y="{Height - Bottom + 18}" text-anchor="middle">{bar.System}</text>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(x + slot * 0.35)}" y="{Height - Bottom + 34}" text-anchor="middle" class="muted">{bar.Replicas} worker(s){(bar.Tracing ? ", tracing" : "")}</text>""");
        }

        return Close(svg);
    }

    /// <summary>End-to-end latency by percentile, one line per phase, on a logarithmic time axis.</summary>
    public static string Latency(IReadOnlyList<PhaseResult> phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        var lines = phases.Where(p => p.Latency.Percentiles.Count == 100).ToList();
        var low = Math.Log10(Math.Max(0.1, lines.Min(p => p.Latency.Percentiles[0])));
        var high = Math.Log10(Math.Max(1, lines.Max(p => p.Latency.Percentiles[^1]))) + 0.1;
        double X(double ms) => Left + (Math.Log10(Math.Max(0.1, ms)) - low) / (high - low) * (Width - Left - Right);
        double Y(int percentile) => Height - Bottom - percentile / 100.0 * (Height - Top - Bottom);
        var svg = Open("Latency distribution: share of messages or orders done within a time (log scale)");
        for (var decade = Math.Ceiling(low); decade <= high; decade++)
        {
            var ms = Math.Pow(10, decade);
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{F(X(ms))}" y1="{Top}" x2="{F(X(ms))}" y2="{Height - Bottom}" class="grid"/><text x="{F(X(ms))}" y="{Height - Bottom + 16}" text-anchor="middle">{F(ms, "0.#")} ms</text>""");
        }

        foreach (var percentile in new[] { 50, 90, 99 })
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{Left}" y1="{F(Y(percentile))}" x2="{Width - Right}" y2="{F(Y(percentile))}" class="grid"/><text x="{Left - 6}" y="{F(Y(percentile) + 4)}" text-anchor="end">p{percentile}</text>""");
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var colour = s_colours[i % s_colours.Length];
            var points = string.Join(' ', lines[i].Latency.Percentiles.Select((ms, p) => $"{F(X(ms))},{F(Y(p + 1))}"));
            svg.Append(CultureInfo.InvariantCulture, $"""<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Left - 50 + i % 4 * 180}" y="{Height - 30 + i / 4 * 16}" fill="{colour}">■ {lines[i].Name}</text>""");
        }

        return Close(svg);
    }

    /// <summary>Each resource's resident memory over a soak, one line each, the warm-up shaded.</summary>
    public static string Soak(Soak.SoakReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var samples = report.Samples;
        var resources = samples.SelectMany(s => s.MemoryMegabytes.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var minutes = Math.Max(1, samples.Select(s => s.Minutes).DefaultIfEmpty(1).Max());
        var top = Math.Max(1, samples.SelectMany(s => s.MemoryMegabytes.Values).DefaultIfEmpty(1).Max()) * 1.15;
        double X(double minute) => Left + minute / minutes * (Width - Left - Right);
        double Y(double megabytes) => Height - Bottom - megabytes / top * (Height - Top - Bottom);
        var svg = Open($"Resident memory during the soak at {F(report.OrdersPerSecond, "0")} orders/s (MB; warm-up shaded)");
        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{Left}" y="{Top}" width="{F(X(report.WarmUpMinutes) - Left)}" height="{Height - Top - Bottom}" fill="#f6f8fa"/>""");
        for (var minute = 0; minute <= minutes; minute += Math.Max(1, (int)minutes / 10))
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{F(X(minute))}" y="{Height - Bottom + 16}" text-anchor="middle">{minute} min</text>""");
        }

        for (var megabytes = 0.0; megabytes < top; megabytes += Math.Max(50, Math.Round(top / 6 / 50) * 50))
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{Left}" y1="{F(Y(megabytes))}" x2="{Width - Right}" y2="{F(Y(megabytes))}" class="grid"/><text x="{Left - 6}" y="{F(Y(megabytes) + 4)}" text-anchor="end">{F(megabytes, "0")}</text>""");
        }

        for (var i = 0; i < resources.Count; i++)
        {
            var colour = s_colours[i % s_colours.Length];
            var points = string.Join(' ', samples.Select(s => $"{F(X(s.Minutes))},{F(Y(s.MemoryMegabytes.GetValueOrDefault(resources[i])))}"));
            svg.Append(CultureInfo.InvariantCulture, $"""<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Left - 50 + i % 4 * 180}" y="{Height - 30 + i / 4 * 16}" fill="{colour}">■ {resources[i]}</text>""");
        }

        return Close(svg);
    }

    private static StringBuilder Open(string title) => new StringBuilder()
        .Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{Height}" viewBox="0 0 {Width} {Height}" font-family="sans-serif" font-size="12">""")
        .Append("<style>.muted{fill:#57606a}.grid{stroke:#d0d7de;stroke-width:1}</style>")
        .Append(CultureInfo.InvariantCulture, $"""<rect width="{Width}" height="{Height}" fill="#ffffff"/><text x="{Left}" y="24" font-size="14" font-weight="bold">{title}</text>""")
        .Append(CultureInfo.InvariantCulture, $"""<line x1="{Left}" y1="{Height - Bottom}" x2="{Width - Right}" y2="{Height - Bottom}" stroke="#1f2328"/>""");

    private static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();

    private static string F(double value, string format = "0.#") => value.ToString(format, CultureInfo.InvariantCulture);
}

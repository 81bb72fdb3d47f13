using System.Text.Json;
using Mensageria.Tests.Infrastructure;

namespace Mensageria.Tests.Benchmarks;

/// <summary>
/// The benchmark program's quick mode, run as a user runs it: every kind of phase runs against real
/// servers and the results come out, so the benchmark code cannot rot. Its figures are not checked:
/// speed is measured by the full run, not asserted in tests.
/// </summary>
[Collection(OneAtATimeDefinition.Name)]
public sealed class QuickBenchmarkTests
{
    [Fact]
    public async Task A_quick_run_measures_every_system_and_writes_its_results_and_plots()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var output = new TemporaryDirectory();
        var run = await ProgramRun.RunAsync(
            SolutionPrograms.Benchmarks, ["--quick", "--output", output.Path], TimeSpan.FromMinutes(5), cancellationToken);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var results = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output.Path, "results.json"), cancellationToken));
        var phases = results.RootElement.GetProperty("phases").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal(["masstransit", "masstransit-half-rate", "mensageria", "mensageria-half-rate", "raw"], phases.Keys.Order(StringComparer.Ordinal));
        Assert.All(phases.Values, p => Assert.True(p.GetProperty("completed").GetInt64() > 0, $"{p.GetProperty("name")} completed nothing: {p}"));
        Assert.All(phases.Values, p => Assert.Equal(0, p.GetProperty("errors").GetInt64()));
        // Measured cold (a quick run does not warm up), the app is still compiling: this proves the
        // benchmark finds the JIT's thread, by which a full run knows when its warm-up is done.
        Assert.True(phases["mensageria"].GetProperty("jitShare").GetDouble() > 0, $"no JIT seen in a cold app: {phases["mensageria"]}");
        Assert.True(results.RootElement.GetProperty("ratios").TryGetProperty("mensageria/masstransit", out _));
        Assert.StartsWith("<svg", await File.ReadAllTextAsync(Path.Combine(output.Path, "throughput.svg"), cancellationToken), StringComparison.Ordinal);
        Assert.StartsWith("<svg", await File.ReadAllTextAsync(Path.Combine(output.Path, "latency.svg"), cancellationToken), StringComparison.Ordinal);
        Assert.Contains("| mensageria |", await File.ReadAllTextAsync(Path.Combine(output.Path, "summary.md"), cancellationToken), StringComparison.Ordinal);
    }
}

namespace Mensageria.Benchmarks.Results;

/// <summary>Everything one run measured, on which machine, with the goals' ratios.</summary>
public sealed record BenchmarkReport(
    DateTimeOffset At,
    string Machine,
    BenchmarkSettingsSnapshot Settings,
    IReadOnlyList<PhaseResult> Phases,
    IReadOnlyDictionary<string, double> Ratios);


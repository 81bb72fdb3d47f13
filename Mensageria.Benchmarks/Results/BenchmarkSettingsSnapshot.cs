namespace Mensageria.Benchmarks.Results;

/// <summary>The settings as the report records them.</summary>
public sealed record BenchmarkSettingsSnapshot(double PhaseSeconds, int Clients, bool Quick);

namespace Mensageria.Benchmarks.Apps;

/// <summary>Which implementation of the order pipeline an app runs.</summary>
public enum BenchmarkSystem
{
    Mensageria,
    MassTransit,
}

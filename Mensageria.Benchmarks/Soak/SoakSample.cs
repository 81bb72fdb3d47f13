namespace Mensageria.Benchmarks.Soak;

/// <summary>One look at the app during a soak: each resource's resident memory, the queue's backlog, and the orders so far.</summary>
public sealed record SoakSample(double Minutes, IReadOnlyDictionary<string, double> MemoryMegabytes, long Backlog, int Accepted, int Completed, long Errors);

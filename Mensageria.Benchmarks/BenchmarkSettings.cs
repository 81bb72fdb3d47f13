namespace Mensageria.Benchmarks;

/// <summary>How long each phase runs, with how many clients, and where the results go.</summary>
public sealed record BenchmarkSettings(TimeSpan PhaseDuration, int Clients, string OutputDirectory, bool Quick)
{
    public const string Raw = "raw", Pipeline = "pipeline", Scaling = "scaling", Tracing = "tracing", Peer = "peer";

    /// <summary>Which groups of phases run (<see cref="Raw"/>, <see cref="Pipeline"/>, …); empty: all.</summary>
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>();

    /// <summary>Variables given to every API and worker process, for experiments (<c>DOTNET_gcServer=0</c>).</summary>
    public IReadOnlyDictionary<string, string> ServiceEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>The rate of the fixed-rate phases, for comparing two builds at the same load; null: half of each system's full speed.</summary>
    public double? FixedRate { get; init; }

    public bool Runs(string group) => Only.Count == 0 || Only.Contains(group);

    /// <summary>How long a phase may wait, after its load, for the orders it placed to finish.</summary>
    public TimeSpan DrainTimeout => Quick ? TimeSpan.FromSeconds(20) : TimeSpan.FromSeconds(120);

    /// <summary>
    /// Full speed, unmeasured, before each measured full-speed phase, in slices of this length until the JIT has
    /// settled (<see cref="SettledJitShare"/>) or <see cref="MaxWarmUp"/> has passed; none in a quick run.
    /// </summary>
    public TimeSpan WarmUpSlice => Quick ? TimeSpan.Zero : TimeSpan.FromSeconds(5);

    /// <summary>The longest warm-up: a phase that still compiles after it is measured all the same, and says so.</summary>
    public static TimeSpan MaxWarmUp => TimeSpan.FromSeconds(90);

    /// <summary>Warm once the background JIT used at most this share of all the CPU used during a warm-up slice.</summary>
    public const double SettledJitShare = 0.03;

    /// <summary>Worker replica counts of the scaling phase (quick: only the default).</summary>
    public IReadOnlyList<int> ReplicaCounts => Quick ? [2] : [1, 2, 4];
}

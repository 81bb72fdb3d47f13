namespace Mensageria.Benchmarks.Apps;

/// <summary>
/// CPU time used by each resource's processes, their children included (RabbitMQ's Erlang VM runs
/// under its start script), and by this process (the load generator), read from <c>/proc</c>: the
/// phase's profile at process level, to show where a 2-core machine's time goes.
/// </summary>
public static class CpuUsage
{
    public const string LoadGenerator = "load generator";

    /// <summary>The Aspire dashboard's process group, when tracing is on: the telemetry's receiver, counted apart.</summary>
    public const string Dashboard = "aspire-dashboard";

    // Linux reports process times in clock ticks of 1/100 s (USER_HZ).
    internal const double TicksPerSecond = 100;

    public static IReadOnlyDictionary<string, double> Sample(IReadOnlyDictionary<string, IReadOnlyList<int>> resourcePids)
    {
        ArgumentNullException.ThrowIfNull(resourcePids);
        var processes = ProcessTable.Read();
        var seconds = resourcePids.ToDictionary(r => r.Key, r => r.Value.Sum(pid => processes.Tree(pid, p => p.Ticks)) / TicksPerSecond, StringComparer.Ordinal);
        seconds[LoadGenerator] = processes.Tree(Environment.ProcessId, p => p.Ticks, children: false) / TicksPerSecond;
        return seconds;
    }

    public static IReadOnlyDictionary<string, double> Difference(IReadOnlyDictionary<string, double> before, IReadOnlyDictionary<string, double> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return after.ToDictionary(a => a.Key, a => Math.Round(a.Value - before.GetValueOrDefault(a.Key), 2), StringComparer.Ordinal);
    }
}

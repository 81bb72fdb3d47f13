using System.Globalization;

namespace Mensageria.Benchmarks.Apps;

/// <summary>
/// CPU time used by each resource's processes, their children included (RabbitMQ's Erlang VM runs
/// under its start script), and by this process (the load generator), read from <c>/proc</c>: the
/// phase's profile at process level, to show where a 2-core machine's time goes.
/// </summary>
public static class CpuUsage
{
    public const string LoadGenerator = "load generator";

    // Linux reports process times in clock ticks of 1/100 s (USER_HZ).
    private const double TicksPerSecond = 100;

    public static IReadOnlyDictionary<string, double> Sample(IReadOnlyDictionary<string, IReadOnlyList<int>> resourcePids)
    {
        ArgumentNullException.ThrowIfNull(resourcePids);
        var processes = ReadAll();
        var children = processes.Values.ToLookup(p => p.Parent, p => p.Pid);
        double Tree(int pid) => processes.TryGetValue(pid, out var process) ? process.Ticks + children[pid].Sum(Tree) : 0;

        var seconds = resourcePids.ToDictionary(r => r.Key, r => r.Value.Sum(Tree) / TicksPerSecond, StringComparer.Ordinal);
        seconds[LoadGenerator] = processes.TryGetValue(Environment.ProcessId, out var self) ? self.Ticks / TicksPerSecond : 0;
        return seconds;
    }

    public static IReadOnlyDictionary<string, double> Difference(IReadOnlyDictionary<string, double> before, IReadOnlyDictionary<string, double> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return after.ToDictionary(a => a.Key, a => Math.Round(a.Value - before.GetValueOrDefault(a.Key), 2), StringComparer.Ordinal);
    }

    private static Dictionary<int, (int Pid, int Parent, long Ticks)> ReadAll()
    {
        var processes = new Dictionary<int, (int, int, long)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                // After the command name in parentheses: state, ppid, … utime (14th field) and stime (15th).
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                processes[pid] = (pid, int.Parse(fields[1], CultureInfo.InvariantCulture),
                    long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                // It ended while being read.
            }
        }

        return processes;
    }
}

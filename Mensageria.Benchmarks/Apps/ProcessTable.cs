using System.Globalization;

namespace Mensageria.Benchmarks.Apps;

/// <summary>Every process of the machine at one moment, from <c>/proc/PID/stat</c>: its parent, CPU ticks used and resident memory.</summary>
internal sealed class ProcessTable
{
    private readonly Dictionary<int, ProcessStat> _processes;
    private readonly ILookup<int, int> _children;

    private ProcessTable(Dictionary<int, ProcessStat> processes)
    {
        _processes = processes;
        _children = processes.Values.ToLookup(p => p.Parent, p => p.Pid);
    }

    public static ProcessTable Read()
    {
        var processes = new Dictionary<int, ProcessStat>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            if (TryReadStat(Path.Combine(directory, "stat")) is { } stat)
            {
                processes[pid] = new ProcessStat(pid, stat.Parent, stat.Ticks, stat.ResidentPages * Environment.SystemPageSize);
            }
        }

        return new ProcessTable(processes);
    }

    /// <summary>A process's or thread's <c>stat</c> file, or null if it ended while being read.</summary>
    public static StatLine? TryReadStat(string path)
    {
        try
        {
            // The command name in parentheses, then: state, ppid, … utime (14th field), stime (15th), rss in pages (24th).
            var stat = File.ReadAllText(path);
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            var close = stat.LastIndexOf(')');
            var fields = stat[(close + 2)..].Split(' ');
            return new StatLine(stat[(open + 1)..close], int.Parse(fields[1], CultureInfo.InvariantCulture),
                long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture),
                long.Parse(fields[21], CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>A process and all the processes under it.</summary>
    public IEnumerable<int> WithDescendants(int pid) => _children[pid].SelectMany(WithDescendants).Prepend(pid);

    /// <summary>A figure of a process summed with its children's (RabbitMQ's Erlang VM runs under its start script, a service under <c>dotnet run</c>).</summary>
    public double Tree(int pid, Func<ProcessStat, double> figure, bool children = true) =>
        (children ? WithDescendants(pid) : [pid]).Sum(p => _processes.TryGetValue(p, out var process) ? figure(process) : 0);
}

/// <summary>What the table uses of a <c>stat</c> file: the command (or thread) name, the parent, CPU ticks and resident pages.</summary>
internal sealed record StatLine(string Name, int Parent, long Ticks, long ResidentPages);

/// <summary>One process's line of the table.</summary>
internal sealed record ProcessStat(int Pid, int Parent, long Ticks, long ResidentBytes);

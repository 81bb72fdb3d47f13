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

            try
            {
                // After the command name in parentheses: state, ppid, … utime (14th field), stime (15th), rss in pages (24th).
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                processes[pid] = new ProcessStat(pid, int.Parse(fields[1], CultureInfo.InvariantCulture),
                    long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture),
                    long.Parse(fields[21], CultureInfo.InvariantCulture) * Environment.SystemPageSize);
            }
            catch (IOException)
            {
                // It ended while being read.
            }
        }

        return new ProcessTable(processes);
    }

    /// <summary>A figure of a process summed with its children's (RabbitMQ's Erlang VM runs under its start script, a service under <c>dotnet run</c>).</summary>
    public double Tree(int pid, Func<ProcessStat, double> figure, bool children = true) =>
        _processes.TryGetValue(pid, out var process) ? figure(process) + (children ? _children[pid].Sum(child => Tree(child, figure)) : 0) : 0;
}

/// <summary>One process's line of the table.</summary>
internal sealed record ProcessStat(int Pid, int Parent, long Ticks, long ResidentBytes);

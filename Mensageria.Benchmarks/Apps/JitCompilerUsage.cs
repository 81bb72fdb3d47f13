namespace Mensageria.Benchmarks.Apps;

/// <summary>
/// CPU time of .NET's background JIT, the thread that recompiles hot methods optimized, in the app's
/// processes and this one, read from <c>/proc/PID/task</c>. While it is busy the app is still warming
/// up: on 2 cores it took a quarter of all CPU for the first half minute of load. The thread exits
/// after a few idle seconds and a new one starts when there is work again, taking its CPU time with
/// it: so a sample is each thread's time, and a difference counts only the threads seen at its end.
/// </summary>
internal static class JitCompilerUsage
{
    // ".NET Tiered Compilation Worker", as Linux keeps a thread's name: its first 15 characters.
    private const string ThreadName = ".NET Tiered Com";

    /// <summary>CPU ticks used so far by each JIT thread (by thread id) of the app's processes and of this one.</summary>
    public static IReadOnlyDictionary<int, long> Sample(IReadOnlyDictionary<string, IReadOnlyList<int>> resourcePids)
    {
        ArgumentNullException.ThrowIfNull(resourcePids);
        var threads = new Dictionary<int, long>();
        var processes = ProcessTable.Read();
        foreach (var pid in resourcePids.Values.SelectMany(pids => pids).SelectMany(processes.WithDescendants).Append(Environment.ProcessId))
        {
            AddCompilerThreads(pid, threads);
        }

        return threads;
    }

    /// <summary>The JIT's CPU seconds between two samples.</summary>
    public static double SecondsBetween(IReadOnlyDictionary<int, long> before, IReadOnlyDictionary<int, long> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return after.Sum(thread => thread.Value - before.GetValueOrDefault(thread.Key)) / CpuUsage.TicksPerSecond;
    }

    private static void AddCompilerThreads(int pid, Dictionary<int, long> threads)
    {
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                if (ProcessTable.TryReadStat(Path.Combine(task, "stat")) is { Name: ThreadName } thread)
                {
                    threads[int.Parse(Path.GetFileName(task), System.Globalization.CultureInfo.InvariantCulture)] = thread.Ticks;
                }
            }
        }
        catch (DirectoryNotFoundException)
        {
            // The process ended while being read.
        }
    }
}

using System.Diagnostics;
using System.Globalization;

namespace Mensageria.Tests.Infrastructure;

internal static class ProcessProbe
{
    /// <summary>True while a live (not zombie) process has this pid.</summary>
    public static bool IsAlive(int pid) => Stat(pid) is not null;

    /// <summary>Every live process whose command line contains <paramref name="text"/>.</summary>
    public static IReadOnlyList<int> WithCommandLine(string text) =>
        [.. Processes().Where(pid => CommandLine(pid).Contains(text, StringComparison.Ordinal) && IsAlive(pid))];

    /// <summary>Every live process under <paramref name="pid"/>: its children, theirs, and so on.</summary>
    public static IReadOnlyList<int> Descendants(int pid)
    {
        var parents = new Dictionary<int, int>();
        foreach (var process in Processes())
        {
            if (Stat(process) is { } stat)
            {
                parents[process] = stat.Parent;
            }
        }

        var found = new List<int>();
        var frontier = new Queue<int>([pid]);
        while (frontier.TryDequeue(out var next))
        {
            foreach (var child in parents.Where(p => p.Value == next).Select(p => p.Key))
            {
                found.Add(child);
                frontier.Enqueue(child);
            }
        }

        return found;
    }

    /// <summary>
    /// The process that does the work: for a project, the service that <c>dotnet run</c> started as its
    /// one child; for anything else, the process itself.
    /// </summary>
    public static int Service(int pid)
    {
        var children = File.ReadAllText($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return IsDotnetRun(pid) && children.Length == 1 ? int.Parse(children[0], CultureInfo.InvariantCulture) : pid;
    }

    public static void Kill(int pid)
    {
        using var process = Process.GetProcessById(pid);
        process.Kill();
    }

    public static async Task<bool> WaitUntilGoneAsync(int pid, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (IsAlive(pid))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50, cancellationToken);
        }

        return true;
    }

    /// <summary>A live process's parent, from <c>/proc/PID/stat</c> (after the name in parentheses: state, then parent); null for none or a zombie.</summary>
    private static (char State, int Parent)? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[0][0] is 'Z' or 'X' ? null : (fields[0][0], int.Parse(fields[1], CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static IEnumerable<int> Processes() =>
        Directory.EnumerateDirectories("/proc")
            .Select(directory => int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0);

    private static bool IsDotnetRun(int pid) => CommandLine(pid) is var line
        && (line.StartsWith("dotnet run ", StringComparison.Ordinal) || line.Contains("dotnet.dll run ", StringComparison.Ordinal));

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }
}

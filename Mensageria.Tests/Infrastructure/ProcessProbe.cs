using System.Diagnostics;
using System.Globalization;

namespace Mensageria.Tests.Infrastructure;

internal static class ProcessProbe
{
    /// <summary>True while a live (not zombie) process has this pid.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
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

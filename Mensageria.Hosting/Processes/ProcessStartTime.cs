using System.Globalization;

namespace Mensageria.Hosting.Processes;

/// <summary>A process's start time in clock ticks since boot (field 22 of <c>/proc/{pid}/stat</c>).</summary>
internal static class ProcessStartTime
{
    public static long? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) is in parentheses and may hold spaces: count from after it.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[19], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}

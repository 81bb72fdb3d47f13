using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Mensageria.Hosting.Processes;

/// <summary>
/// The process groups an application started, written to its state directory as they start and
/// stop. If the app host was killed and could not stop its children, the next start finds them
/// here and stops them first. A group is recognised by its leader's pid and kernel start time, so a
/// recycled pid is never signalled.
/// </summary>
internal sealed partial class ProcessLedger(string path, ILogger logger)
{
    private readonly Lock _gate = new();

    public void Add(string replicaId, int pid)
    {
        lock (_gate)
        {
            var entries = Read();
            entries.RemoveAll(e => e.Pid == pid);
            entries.Add(new ProcessLedgerEntry(replicaId, pid, ProcessStartTime.Read(pid)));
            Write(entries);
        }
    }

    public void Remove(int pid)
    {
        lock (_gate)
        {
            var entries = Read();
            if (entries.RemoveAll(e => e.Pid == pid) > 0)
            {
                Write(entries);
            }
        }
    }

    /// <summary>Stops every group a previous run left behind, then forgets them.</summary>
    public async Task StopLeftoversAsync(CancellationToken cancellationToken)
    {
        List<ProcessLedgerEntry> entries;
        lock (_gate)
        {
            entries = Read();
            Write([]);
        }

        var leftovers = entries.Where(IsStillRunning).ToList();
        foreach (var leftover in leftovers)
        {
            LogStoppingLeftover(logger, leftover.ReplicaId, leftover.Pid);
            PosixSignals.SignalGroupOrProcess(leftover.Pid, PosixSignals.Terminate);
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (leftovers.Any(e => PosixSignals.GroupExists(e.Pid) || IsStillRunning(e)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, cancellationToken);
        }

        foreach (var leftover in leftovers)
        {
            PosixSignals.SignalGroupOrProcess(leftover.Pid, PosixSignals.Kill);
        }
    }

    /// <summary>The same process as recorded: same pid and kernel start time, so never a recycled pid.</summary>
    private static bool IsStillRunning(ProcessLedgerEntry entry) =>
        entry.StartTime is not null && ProcessStartTime.Read(entry.Pid) == entry.StartTime;

    private List<ProcessLedgerEntry> Read()
    {
        try
        {
            return File.Exists(path)
                ? JsonSerializer.Deserialize(File.ReadAllText(path), HostingJsonContext.Default.ListProcessLedgerEntry) ?? []
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private void Write(List<ProcessLedgerEntry> entries) =>
        File.WriteAllText(path, JsonSerializer.Serialize(entries, HostingJsonContext.Default.ListProcessLedgerEntry));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping {ReplicaId} (pid {Pid}), left running by a previous run that did not stop cleanly")]
    private static partial void LogStoppingLeftover(ILogger logger, string replicaId, int pid);
}

using System.Runtime.InteropServices;

namespace Mensageria.Hosting.Processes;

/// <summary>
/// kill(2) for whole process groups: every child runs in a session of its own (see
/// <see cref="ManagedProcess"/>), so one signal reaches the process and everything it forked.
/// </summary>
internal static partial class PosixSignals
{
    public const int Terminate = 15;
    public const int Kill = 9;

    public static bool SignalProcess(int pid, int signal) => pid > 0 && SendSignal(pid, signal) == 0;

    public static bool SignalGroup(int groupId, int signal) => groupId > 0 && SendSignal(-groupId, signal) == 0;

    /// <summary>
    /// Signals the group led by <paramref name="pid"/>, or the process alone while it has not yet
    /// become a group leader (the moment between fork and <c>setsid</c>).
    /// </summary>
    public static bool SignalGroupOrProcess(int pid, int signal) => SignalGroup(pid, signal) || SignalProcess(pid, signal);

    /// <summary>Signal 0 delivers nothing; it only asks whether any member of the group is left.</summary>
    public static bool GroupExists(int groupId) => groupId > 0 && SendSignal(-groupId, 0) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}

using System.Diagnostics;

namespace Mensageria.Hosting.Processes;

/// <summary>
/// A child process started through <c>setsid</c>, so it leads a process group of its own: a stop
/// signals the whole group and waits until every member is gone, which is how a broker's VM, its
/// helpers and a service's children all end with it. Output lines go to <paramref name="onOutput"/>.
/// </summary>
internal sealed class ManagedProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ManagedProcess(Process process) => _process = process;

    /// <summary>The leader's pid, which is also the group id; kept, as the process object is disposed on exit.</summary>
    public int Pid { get; private set; }

    /// <summary>Completes with the exit code when the process (the group leader) exits.</summary>
    public Task<int> Exited => _exited.Task;

    public static ManagedProcess Start(ProcessSpec spec, Action<string, bool> onOutput)
    {
        var startInfo = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(spec.FileName);
        foreach (var argument in spec.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in spec.Environment)
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var managed = new ManagedProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) onOutput(e.Data, false); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) onOutput(e.Data, true); };
        process.Exited += (_, _) => managed.OnExited();
        process.Start();
        managed.Pid = process.Id;
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return managed;
    }

    /// <summary>
    /// Sends SIGTERM to <paramref name="signalPid"/> (default: the whole group), waits up to
    /// <paramref name="grace"/> for the group to empty, then kills whatever is left.
    /// </summary>
    public async Task StopAsync(TimeSpan grace, int? signalPid = null)
    {
        var signalled = signalPid is { } pid && PosixSignals.SignalProcess(pid, PosixSignals.Terminate);
        if (!signalled)
        {
            PosixSignals.SignalGroupOrProcess(Pid, PosixSignals.Terminate);
        }

        if (!await WaitForGroupExitAsync(grace))
        {
            PosixSignals.SignalGroupOrProcess(Pid, PosixSignals.Kill);
            await WaitForGroupExitAsync(TimeSpan.FromSeconds(2));
        }
    }

    /// <summary>SIGKILL to the whole group: a crash, as a fault test wants it.</summary>
    public Task KillAsync()
    {
        PosixSignals.SignalGroupOrProcess(Pid, PosixSignals.Kill);
        return WaitForGroupExitAsync(TimeSpan.FromSeconds(5));
    }

    public void Dispose() => _process.Dispose();

    private async Task<bool> WaitForGroupExitAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (PosixSignals.GroupExists(Pid) || !_exited.Task.IsCompleted)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                return false;
            }

            await Task.Delay(25);
        }

        return true;
    }

    private void OnExited()
    {
        // The leader is gone; members it left behind (a VM's helpers) must not outlive it.
        PosixSignals.SignalGroup(Pid, PosixSignals.Kill);
        _exited.TrySetResult(_process.ExitCode);
    }
}

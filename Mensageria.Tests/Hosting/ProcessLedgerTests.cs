using System.Diagnostics;
using Mensageria.Hosting.Processes;
using Mensageria.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mensageria.Tests.Hosting;

public sealed class ProcessLedgerTests : IDisposable
{
    private readonly TemporaryDirectory _state = new();
    private readonly List<Process> _processes = [];

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
        }

        _state.Dispose();
    }

    [Fact]
    public async Task Groups_left_by_a_killed_app_host_are_stopped_on_the_next_start_but_a_recycled_pid_is_spared()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var leftover = await StartGroupLeaderAsync(cancellationToken);
        var stranger = await StartGroupLeaderAsync(cancellationToken);
        var path = Path.Combine(_state.Path, "processes.json");
        // The stranger's entry has another start time: its pid was recycled by an unrelated process.
        File.WriteAllText(path, $$"""
            [
              {"replicaId":"cache-0","pid":{{leftover.Id}},"startTime":{{ProcessStartTime.Read(leftover.Id)}}},
              {"replicaId":"old-0","pid":{{stranger.Id}},"startTime":{{ProcessStartTime.Read(stranger.Id) + 1}}}
            ]
            """);

        await new ProcessLedger(path, NullLogger.Instance).StopLeftoversAsync(cancellationToken);

        Assert.True(await ProcessProbe.WaitUntilGoneAsync(leftover.Id, TimeSpan.FromSeconds(10), cancellationToken));
        Assert.True(ProcessProbe.IsAlive(stranger.Id));
        Assert.Equal("[]", File.ReadAllText(path));
    }

    [Fact]
    public async Task Entries_come_and_go_with_their_processes()
    {
        var process = await StartGroupLeaderAsync(TestContext.Current.CancellationToken);
        var path = Path.Combine(_state.Path, "processes.json");
        var ledger = new ProcessLedger(path, NullLogger.Instance);

        ledger.Add("api-0", process.Id);
        Assert.Contains($"\"pid\": {process.Id}", File.ReadAllText(path), StringComparison.Ordinal);

        ledger.Remove(process.Id);
        Assert.Equal("[]", File.ReadAllText(path));
    }

    /// <summary>A process that leads its own group, as the app host's children do, like one a killed app host left.</summary>
    private async Task<Process> StartGroupLeaderAsync(CancellationToken cancellationToken)
    {
        var process = Process.Start(new ProcessStartInfo("setsid", ["sleep", "600"]))!;
        _processes.Add(process);
        while (ProcessProbe.GroupOf(process.Id) != process.Id)
        {
            await Task.Delay(10, cancellationToken);
        }

        return process;
    }
}

using Mensageria.Tests.Infrastructure;

namespace Mensageria.Tests.Distributed;

public sealed class AppDisposalTests
{
    [Fact]
    public async Task Disposing_the_app_stops_every_process_it_started_and_deletes_its_state()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var app = await AppHostFixture.StartAsync(cancellationToken);
        var pids = app.ResourceNotifications.Snapshots.SelectMany(s => s.Replicas).Select(r => r.Pid!.Value).ToList();
        // The broker's Erlang VM is a child of the rabbitmq-server script; its pid is in the pid file.
        var vmPid = int.Parse(File.ReadAllText(Path.Combine(app.State.Path, "messaging", "rabbitmq.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        pids.Add(vmPid);
        Assert.Equal(8, pids.Count); // epmd, the broker's script and VM, redis, api, two workers, web
        Assert.All(pids, pid => Assert.True(ProcessProbe.IsAlive(pid)));

        await app.DisposeAsync();

        Assert.All(pids, pid => Assert.False(ProcessProbe.IsAlive(pid), $"pid {pid} is still running"));
        Assert.False(Directory.Exists(app.State.Path));
    }
}

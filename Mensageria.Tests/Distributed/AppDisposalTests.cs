using Mensageria.Tests.Infrastructure;

namespace Mensageria.Tests.Distributed;

public sealed class AppDisposalTests
{
    [Fact]
    public async Task Disposing_the_app_stops_every_process_it_started()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var app = await AppHostFixture.StartAsync(cancellationToken);
        var pids = AppHostFixture.ResourceNames.SelectMany(name => app.Instances(name).Values).Select(i => i.Pid()).ToList();
        // A project runs as `dotnet run`, with the service as its child.
        pids = [.. pids.Concat(pids.Select(ProcessProbe.Service)).Distinct()];
        // 7 instances (epmd, the broker's VM, redis, api, two workers, web) and the 4 services under their `dotnet run`.
        Assert.Equal(11, pids.Count);
        Assert.All(pids, pid => Assert.True(ProcessProbe.IsAlive(pid)));

        await app.DisposeAsync();

        foreach (var pid in pids)
        {
            Assert.True(await ProcessProbe.WaitUntilGoneAsync(pid, TimeSpan.FromSeconds(10), cancellationToken), $"pid {pid} is still running");
        }
    }
}

using Mensageria.Hosting.Lifecycle;
using Mensageria.Tests.Infrastructure;
using StackExchange.Redis;

namespace Mensageria.Tests.Distributed;

/// <summary>Stops, kills and restarts resources of a private app; each test leaves it healthy again.</summary>
public sealed class ResourceControlTests(PrivateAppFixture fixture) : IClassFixture<PrivateAppFixture>
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_stopped_server_leaves_its_clients_unhealthy_and_comes_back_with_its_data()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var app = fixture.App;
        var connectionString = await app.GetConnectionStringAsync("cache", cancellationToken);
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(connectionString))
        {
            await redis.GetDatabase().StringSetAsync("test:survives-restart", "kept");
        }

        var pid = app.ResourceNotifications.Get("cache").Replicas.Single().Pid!.Value;
        await app.StopResourceAsync("cache", cancellationToken);

        Assert.Equal(ResourceState.Exited, app.ResourceNotifications.Get("cache").State);
        Assert.False(ProcessProbe.IsAlive(pid));
        var api = await app.ResourceNotifications.WaitForAsync(
            "api", s => s.State == ResourceState.Unhealthy, "unhealthy", s_timeout, cancellationToken);
        Assert.Contains("cache", api.Reason, StringComparison.Ordinal);

        await fixture.RestartAsync("cache", cancellationToken);
        // The API reconnects by itself: nobody restarts it.
        await app.WaitForResourceHealthyAsync("api", s_timeout, cancellationToken);

        await using var reconnected = await ConnectionMultiplexer.ConnectAsync(connectionString);
        Assert.Equal("kept", (string?)await reconnected.GetDatabase().StringGetAsync("test:survives-restart"));
    }

    [Fact]
    public async Task A_crashed_broker_shows_as_exited_takes_its_epmd_along_and_starts_again()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var app = fixture.App;
        var epmdPid = app.ResourceNotifications.Get("messaging").Replicas.Single(r => r.Id == "messaging-epmd").Pid!.Value;

        await app.KillReplicaAsync("messaging", "messaging-0");

        var broker = await app.ResourceNotifications.WaitForAsync(
            "messaging", s => s.State == ResourceState.Exited, "exited", s_timeout, cancellationToken);
        Assert.Equal(137, broker.ExitCode);
        Assert.True(await ProcessProbe.WaitUntilGoneAsync(epmdPid, TimeSpan.FromSeconds(10), cancellationToken));

        await fixture.RestartAsync("messaging", cancellationToken);
        await app.WaitForResourceHealthyAsync("api", s_timeout, cancellationToken);
    }

    [Fact]
    public async Task A_killed_replica_shows_as_exited_and_can_be_started_again()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var app = fixture.App;
        var killedPid = app.ResourceNotifications.Get("worker").Replicas.Single(r => r.Id == "worker-1").Pid!.Value;

        await app.KillReplicaAsync("worker", "worker-1");

        // The health monitor may see the replica fail before its exit is recorded: wait for both.
        var worker = await app.ResourceNotifications.WaitForAsync(
            "worker", s => s.State == ResourceState.Unhealthy && s.Replicas.Single(r => r.Id == "worker-1").ExitCode is not null,
            "unhealthy with worker-1 exited", s_timeout, cancellationToken);
        Assert.Equal(137, worker.Replicas.Single(r => r.Id == "worker-1").ExitCode);
        Assert.Null(worker.Replicas.Single(r => r.Id == "worker-0").ExitCode);
        Assert.False(ProcessProbe.IsAlive(killedPid));

        await fixture.RestartAsync("worker", cancellationToken);

        var restarted = app.ResourceNotifications.Get("worker").Replicas.Single(r => r.Id == "worker-1");
        Assert.NotEqual(killedPid, restarted.Pid);
        Assert.True(ProcessProbe.IsAlive(restarted.Pid!.Value));
    }
}

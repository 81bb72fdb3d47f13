using Aspire.Hosting.ApplicationModel;
using Mensageria.Tests.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Mensageria.Tests.Distributed;

/// <summary>Stops, kills and restarts resources of a private app with Aspire's commands; each test leaves it healthy again.</summary>
public sealed class ResourceControlTests(PrivateAppFixture fixture) : IClassFixture<PrivateAppFixture>
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_stopped_server_leaves_its_clients_unhealthy_and_comes_back_with_its_data()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var app = fixture.App;
        var connectionString = await app.GetRequiredConnectionStringAsync("cache", cancellationToken);
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(connectionString))
        {
            await redis.GetDatabase().StringSetAsync("test:survives-restart", "kept");
        }

        var pid = app.Instances("cache").Values.Single().Pid();
        await app.StopResourceAsync("cache", cancellationToken);

        Assert.False(ProcessProbe.IsAlive(pid));
        await app.WaitForInstancesAsync("api", s => s.HealthStatus == HealthStatus.Unhealthy, "unhealthy", s_timeout, cancellationToken);

        await fixture.RestartAsync("cache", cancellationToken);
        // The API reconnects by itself: nobody restarts it.
        await app.WaitForHealthyAsync("api", s_timeout, cancellationToken);

        await using var reconnected = await ConnectionMultiplexer.ConnectAsync(connectionString);
        Assert.Equal("kept", (string?)await reconnected.GetDatabase().StringGetAsync("test:survives-restart"));
    }

    [Fact]
    public async Task A_crashed_broker_shows_as_stopped_and_starts_again_on_its_own_epmd()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var app = fixture.App;
        var epmdPid = app.Instances("messaging-epmd").Values.Single().Pid();

        app.KillInstance(app.Instances("messaging").Keys.Single());

        await app.WaitForInstancesAsync("messaging", s => s.IsStopped(), "stopped", s_timeout, cancellationToken);
        Assert.True(ProcessProbe.IsAlive(epmdPid));

        await fixture.RestartAsync("messaging", cancellationToken);
        await app.WaitForHealthyAsync("api", s_timeout, cancellationToken);
        Assert.Equal(epmdPid, app.Instances("messaging-epmd").Values.Single().Pid());
    }

    [Fact]
    public async Task A_killed_replica_shows_as_stopped_and_can_be_started_again()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var app = fixture.App;
        var (killed, survivor) = (app.Instances("worker").Keys.Order(StringComparer.Ordinal).First(), app.Instances("worker").Keys.Order(StringComparer.Ordinal).Last());
        var survivorPid = app.Instances("worker")[survivor].Pid();

        var killedPid = app.KillInstance(killed);

        await app.WaitForInstanceAsync(killed, s => s.IsStopped(), "stopped", s_timeout, cancellationToken);
        var workers = app.Instances("worker");
        Assert.Equal(KnownResourceStates.Running, workers[survivor].StateText());
        Assert.Equal(survivorPid, workers[survivor].Pid());
        Assert.False(ProcessProbe.IsAlive(killedPid));

        await app.StartInstanceAsync(killed, cancellationToken);
        await app.WaitForHealthyAsync("worker", s_timeout, cancellationToken);

        Assert.NotEqual(killedPid, ProcessProbe.Service(app.Instances("worker")[killed].Pid()));
    }
}

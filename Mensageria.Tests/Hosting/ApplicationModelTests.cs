using System.Net;
using System.Net.Sockets;
using Mensageria.Hosting;
using Mensageria.Hosting.Lifecycle;
using Mensageria.Tests.Infrastructure;

namespace Mensageria.Tests.Hosting;

public sealed class ApplicationModelTests : IDisposable
{
    private readonly TemporaryDirectory _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public void A_fixed_port_is_kept_when_running_and_replaced_by_a_free_one_under_test()
    {
        var fixedPort = ModelBuilder.Create(_state.Path);
        var web = fixedPort.AddProject<TestProject>("web").WithHttpEndpoint(port: 5080);
        fixedPort.Build();

        var randomized = ModelBuilder.Create(_state.Path, randomizePorts: true);
        var testWeb = randomized.AddProject<TestProject>("web").WithHttpEndpoint(port: 5080);
        randomized.Build();

        Assert.Equal([5080], web.Resource.ReplicaPorts);
        Assert.NotEqual(5080, testWeb.Resource.ReplicaPorts[0]);
    }

    [Fact]
    public void Every_port_of_an_application_is_distinct()
    {
        var builder = ModelBuilder.Create(_state.Path);
        var messaging = builder.AddRabbitMQ("messaging").WithManagementPlugin();
        var cache = builder.AddRedis("cache");
        var worker = builder.AddProject<TestProject>("worker").WithReplicas(3);
        builder.Build();

        int[] ports =
        [
            messaging.Resource.AmqpPort, messaging.Resource.ManagementPort, messaging.Resource.DistributionPort,
            messaging.Resource.EpmdPort, cache.Resource.Port, .. worker.Resource.ReplicaPorts,
        ];
        Assert.Equal(ports.Length, ports.Distinct().Count());
        Assert.All(ports, port => Assert.InRange(port, 1024, 65535));
    }

    [Theory]
    [InlineData("Api")]
    [InlineData("my_api")]
    [InlineData("")]
    [InlineData("1api")]
    public void Resource_names_that_cannot_become_variable_names_are_refused(string name)
    {
        var builder = ModelBuilder.Create(_state.Path);

        var error = Assert.Throws<ArgumentException>(() => builder.AddRedis(name));
        Assert.Contains("lower-case", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_resources_cannot_share_a_name_and_none_waits_for_itself()
    {
        var builder = ModelBuilder.Create(_state.Path);
        var cache = builder.AddRedis("cache");

        Assert.Throws<InvalidOperationException>(() => builder.AddRabbitMQ("cache"));
        Assert.Throws<InvalidOperationException>(() => cache.WaitFor(cache));
    }

    [Fact]
    public async Task A_fixed_port_in_use_stops_start_up_naming_the_port()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        var builder = ModelBuilder.Create(_state.Path);
        builder.AddProject<Projects.Mensageria_AppHost>("web").WithHttpEndpoint(port);
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains($"port {port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("another process", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_one_app_host_at_a_time_runs_on_a_state_directory()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var first = ModelBuilder.Create(_state.Path).Build();
        await first.StartAsync(cancellationToken);

        await using var second = ModelBuilder.Create(_state.Path).Build();
        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => second.StartAsync(cancellationToken));
        Assert.Contains("Another app host", error.Message, StringComparison.Ordinal);

        await first.StopAsync(cancellationToken);
        await using var third = ModelBuilder.Create(_state.Path).Build();
        await third.StartAsync(cancellationToken);
    }

    [Fact]
    public async Task A_project_without_build_output_stops_start_up_with_what_to_do()
    {
        var builder = ModelBuilder.Create(_state.Path, randomizePorts: true);
        builder.AddProject<TestProject>("api");
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("dotnet build", error.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/Test.Project/bin/Test.Project.dll", error.Message, StringComparison.Ordinal);
    }
}

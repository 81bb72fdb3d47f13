using System.Text.Json;
using Mensageria.Tests.Infrastructure;

namespace Mensageria.Tests.Cli;

/// <summary>
/// The command line with no flags and no environment against an app host on the ports of the
/// services' launch profiles, as `dotnet run --project Mensageria.AppHost` serves them (the other
/// test apps use random ports).
/// </summary>
[Collection(OneAtATimeDefinition.Name)]
public sealed class CliDiscoveryTests(CliDiscoveryTests.LaunchProfilePortsApp fixture) : IClassFixture<CliDiscoveryTests.LaunchProfilePortsApp>
{
    [Fact]
    public async Task Without_flags_the_command_line_finds_the_app_host_on_its_launch_profile_ports()
    {
        Assert.Equal(new Uri("http://localhost:5070/"), fixture.App.GetEndpoint("api", "http"));

        var products = await ProgramRun.RunAsync(SolutionPrograms.Cli, ["--json", "products"], TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken, CliRun.Credentials);
        var queues = await ProgramRun.RunAsync(SolutionPrograms.Cli, ["--json", "queues"], TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken, CliRun.Credentials);

        Assert.True(products.ExitCode == 0, products.ToString());
        Assert.Equal(20, JsonDocument.Parse(products.Output).RootElement.GetArrayLength());
        Assert.True(queues.ExitCode == 0, queues.ToString());
    }

    public sealed class LaunchProfilePortsApp : IAsyncLifetime
    {
        private DistributedApplication? _app;

        public DistributedApplication App => _app ?? throw new InvalidOperationException("The app has not started.");

        public async ValueTask InitializeAsync() =>
            _app = await AppHostFixture.StartAsync(TestContext.Current.CancellationToken, arguments: "--DcpPublisher:RandomizePorts=false");

        public async ValueTask DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }
        }
    }
}

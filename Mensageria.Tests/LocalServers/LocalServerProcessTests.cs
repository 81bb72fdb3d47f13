using Mensageria.Tests.Infrastructure;

namespace Mensageria.Tests.LocalServers;

/// <summary>The shared app's local servers as processes on this machine.</summary>
[Collection(SharedAppDefinition.Name)]
public sealed class LocalServerProcessTests(AppHostFixture fixture)
{
    [Theory]
    [InlineData("messaging")]
    [InlineData("cache")]
    [InlineData("messaging-epmd")]
    public async Task No_password_is_on_a_command_line_that_ps_shows(string resource)
    {
        var connectionString = await fixture.App.GetRequiredConnectionStringAsync(resource == "cache" ? "cache" : "messaging", TestContext.Current.CancellationToken);
        var password = resource == "cache"
            ? connectionString.Split("password=")[1].Split(',')[0]
            : Uri.UnescapeDataString(new Uri(connectionString).UserInfo.Split(':')[1]);
        var pid = ProcessProbe.Service(fixture.App.Instances(resource).Values.Single().Pid());

        var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');

        Assert.NotEmpty(commandLine);
        Assert.DoesNotContain(password, commandLine, StringComparison.Ordinal);
    }

    [Fact]
    public void The_servers_listen_on_loopback_only()
    {
        var listening = File.ReadAllLines("/proc/net/tcp").Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields[3] == "0A")
            .Select(fields => fields[1])
            .ToList();
        var ports = new[] { fixture.App.GetEndpoint("messaging", "tcp").Port, fixture.App.GetEndpoint("messaging", "management").Port, fixture.App.GetEndpoint("cache", "tcp").Port };

        foreach (var port in ports)
        {
            var bound = listening.Where(address => address.EndsWith($":{port:X4}", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(bound);
            Assert.All(bound, address => Assert.StartsWith("0100007F:", address, StringComparison.Ordinal));
        }
    }
}

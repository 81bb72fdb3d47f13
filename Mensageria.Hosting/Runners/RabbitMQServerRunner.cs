using System.Collections.Immutable;
using System.Globalization;
using Mensageria.Hosting.ApplicationModel;
using Mensageria.Hosting.Processes;
using Mensageria.Hosting.State;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mensageria.Hosting.Runners;

/// <summary>
/// Runs a private RabbitMQ node from the Debian package: its own node name, HOME (and so Erlang
/// cookie), data, log and config under the state directory, its own epmd on a private port that is
/// stopped with it, and a generated password for a non-guest user.
/// </summary>
internal sealed class RabbitMQServerRunner(RabbitMQServerResource broker, RunnerContext context) : ResourceRunner(broker, context)
{
    internal const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private const string Epmd = "/usr/bin/epmd";

    public override ImmutableSortedDictionary<string, string> Endpoints
    {
        get
        {
            var endpoints = ImmutableSortedDictionary.CreateBuilder<string, string>();
            if (!broker.IsExternal)
            {
                endpoints["amqp"] = $"amqp://127.0.0.1:{broker.AmqpPort}";
            }

            if (broker.ManagementUrl is { } management)
            {
                endpoints["management"] = management;
            }

            return endpoints.ToImmutable();
        }
    }

    public override void CheckPrerequisites()
    {
        if (!broker.IsExternal && (!File.Exists(ServerScript) || !File.Exists(Epmd)))
        {
            throw new ResourceStartException(
                $"'{broker.Name}' needs RabbitMQ, and {ServerScript} is not installed. Install the Debian package: " +
                "sudo apt-get install rabbitmq-server (or give an existing broker as ConnectionStrings__" + broker.Name + ").");
        }
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (broker.IsExternal || IsRunning(EpmdId))
        {
            return;
        }

        var folder = Context.State.ForResource(broker.Name);
        var environment = WriteConfiguration(folder);
        Launch(new ProcessSpec(EpmdId, Epmd, ["-port", Port(broker.EpmdPort), "-address", "127.0.0.1"], folder, environment), auxiliary: true);
        await EpmdProbe.WaitUntilListeningAsync(broker.EpmdPort, cancellationToken);
        Launch(new ProcessSpec(ServerId, ServerScript, [], folder, environment));
    }

    public override Task<HealthCheckResult> CheckHealthAsync(CancellationToken cancellationToken) =>
        RabbitMQReadiness.CheckAsync(broker.ConnectionString, broker.ManagementUrl, broker.Password, cancellationToken);

    protected override async Task StopProcessesAsync(CancellationToken cancellationToken)
    {
        // The server script traps SIGTERM into a slow `rabbitmqctl stop`; the VM itself stops
        // gracefully on SIGTERM, so signal the VM (its pid is in the pid file) and let the script follow.
        if (GetProcess(ServerId) is { } server)
        {
            var pidFile = Path.Combine(Context.State.ForResource(broker.Name), "rabbitmq.pid");
            int? vmPid = File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture, out var pid) ? pid : null;
            await server.StopAsync(TimeSpan.FromSeconds(10), vmPid);
        }

        if (GetProcess(EpmdId) is { } epmd)
        {
            await epmd.StopAsync(TimeSpan.FromSeconds(2));
        }
    }

    private string EpmdId => $"{broker.Name}-epmd";

    private string ServerId => $"{broker.Name}-0";

    private Dictionary<string, string> WriteConfiguration(string folder)
    {
        var home = Context.State.ForResource(broker.Name, "home");
        var config = Path.Combine(folder, "rabbitmq");
        var lines = new List<string>
        {
            $"default_user = {RabbitMQServerResource.UserName}",
            $"default_pass = {broker.Password}",
            "default_vhost = /",
            "loopback_users = none",
            "log.console = true",
            "log.console.level = warning",
        };
        if (broker.ManagementEnabled)
        {
            lines.Add($"management.tcp.port = {broker.ManagementPort}");
            lines.Add("management.tcp.ip = 127.0.0.1");
            // Queue figures every second instead of every five: the web's panel refreshes about that often.
            lines.Add("collect_statistics_interval = 1000");
        }

        PrivateFile.WriteAllLines(config + ".conf", lines);
        File.WriteAllLines(Path.Combine(folder, "enabled_plugins"), [broker.ManagementEnabled ? "[rabbitmq_management]." : "[]."]);
        File.WriteAllLines(Path.Combine(folder, "rabbitmq-env.conf"), []);

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HOME"] = home,
            ["RABBITMQ_NODENAME"] = broker.NodeName,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = Port(broker.AmqpPort),
            ["RABBITMQ_DIST_PORT"] = Port(broker.DistributionPort),
            ["ERL_EPMD_PORT"] = Port(broker.EpmdPort),
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_MNESIA_BASE"] = Context.State.ForResource(broker.Name, "data"),
            ["RABBITMQ_LOG_BASE"] = Context.State.ForResource(broker.Name, "log"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(folder, "enabled_plugins"),
            ["RABBITMQ_CONFIG_FILE"] = config,
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(folder, "rabbitmq-env.conf"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(folder, "rabbitmq.pid"),
        };
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}

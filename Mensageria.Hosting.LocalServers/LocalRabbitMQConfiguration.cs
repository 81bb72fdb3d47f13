namespace Mensageria.Hosting.LocalServers;

/// <summary>
/// Writes a local node's configuration before each start: its user and password (read from
/// Aspire's parameters, so never on a command line), the console log, the plugins it runs and the
/// cluster it forms with the other nodes; and gives RabbitMQ's own tools the node's environment.
/// </summary>
internal static class LocalRabbitMQConfiguration
{
    public static async Task WriteAsync(RabbitMQServerProcessResource broker, CancellationToken cancellationToken)
    {
        await LocalExecutable.EnsureInstalledAsync(broker, RabbitMQServerProcessResource.ServerScript, RabbitMQServerProcessResource.DebianPackage);
        var user = await broker.Definition.UserNameReference.GetValueAsync(cancellationToken);
        var password = await broker.Definition.PasswordParameter.GetValueAsync(cancellationToken);
        List<string> lines =
        [
            // Only applies when the data folder is new: the user then exists, with this password.
            $"default_user = {user}",
            $"default_pass = {password}",
            "default_vhost = /",
            // The node listens on 127.0.0.1 only: RabbitMQ's loopback-only rule for guest adds nothing.
            "loopback_users = none",
            "log.console = true",
            "log.console.level = info",
            // Quorum queues keep what their write-ahead log holds in memory until the log rolls over, by
            // default at 512 MiB: on a developer's machine, RabbitMQ growing by about 2 KB an order for
            // half an hour. 32 MiB bounds it to a small sawtooth (measured in the soak, docs/reliability.md).
            "raft.wal_max_size_bytes = 33554432",
        ];
        var managed = broker.Nodes[0].HasManagementPlugin;
        if (managed)
        {
            // Queue figures every second instead of every five, for dashboards that refresh that often.
            lines.Add("collect_statistics_interval = 1000");
        }

        if (broker.Nodes.Count > 1)
        {
            // A node with no data yet joins the first of these it reaches; one with data rejoins its own cluster.
            lines.Add("cluster_formation.peer_discovery_backend = classic_config");
            lines.AddRange(broker.Nodes.Select((node, i) => $"cluster_formation.classic_config.nodes.{i + 1} = {node.NodeName}"));
        }

        var folder = broker.DataDirectory;
        await ErlangCookie.EnsureAsync(Home(broker), cancellationToken);
        await PrivateFile.WriteAllLinesAsync(Path.Combine(folder, "rabbitmq.conf"), lines, cancellationToken);
        // The other nodes serve no management API, but send the first node their figures.
        var plugin = broker.HasManagementPlugin ? "rabbitmq_management" : managed ? "rabbitmq_management_agent" : null;
        await File.WriteAllTextAsync(Path.Combine(folder, "enabled_plugins"), plugin is null ? "[].\n" : $"[{plugin}].\n", cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "rabbitmq-env.conf"), "", cancellationToken);
    }

    /// <summary>
    /// What a node and RabbitMQ's command-line tools run with to reach the cluster: one home, whose Erlang
    /// cookie every node shares; the cluster's epmd; and no machine-wide <c>rabbitmq-env.conf</c>.
    /// </summary>
    public static IEnumerable<(string Name, string Value)> ToolEnvironment(RabbitMQServerProcessResource broker) =>
    [
        ("HOME", Home(broker)),
        ("ERL_EPMD_PORT", broker.Epmd!.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("ERL_EPMD_ADDRESS", "127.0.0.1"),
        ("RABBITMQ_CONF_ENV_FILE", Path.Combine(broker.DataDirectory, "rabbitmq-env.conf")),
    ];

    private static string Home(RabbitMQServerProcessResource broker) =>
        Directory.CreateDirectory(Path.Combine(broker.Nodes[0].DataDirectory, "home")).FullName;
}

namespace Mensageria.Hosting.LocalServers;

/// <summary>
/// Writes a local node's configuration before each start: its user and password (read from
/// Aspire's parameters, so never on a command line), the console log, and the plugins it runs.
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
        if (broker.HasManagementPlugin)
        {
            // Queue figures every second instead of every five, for dashboards that refresh that often.
            lines.Add("collect_statistics_interval = 1000");
        }

        var folder = broker.DataDirectory;
        await PrivateFile.WriteAllLinesAsync(Path.Combine(folder, "rabbitmq.conf"), lines, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "enabled_plugins"), broker.HasManagementPlugin ? "[rabbitmq_management].\n" : "[].\n", cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "rabbitmq-env.conf"), "", cancellationToken);
    }
}

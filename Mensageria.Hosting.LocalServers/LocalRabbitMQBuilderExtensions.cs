using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Mensageria.Hosting.LocalServers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting;

/// <summary>Runs Aspire's RabbitMQ resource as a local <c>rabbitmq-server</c> process where its container cannot run.</summary>
public static class LocalRabbitMQBuilderExtensions
{
    /// <summary>
    /// In run mode, when <paramref name="policy"/> says so (by default: when no container runtime
    /// answers), replaces the RabbitMQ container with a local node from Debian's <c>rabbitmq-server</c>:
    /// same name, endpoints, credentials and connection string; its own epmd; data kept in
    /// <c>LocalServers:DataDirectory</c>. Otherwise, and in publish mode, Aspire's container is used
    /// unchanged and the returned builder stands for it; with <c>ConnectionStrings:{name}</c> set, it
    /// stands for that existing broker.
    /// </summary>
    public static IResourceBuilder<RabbitMQServerProcessResource> RunAsLocalProcess(
        this IResourceBuilder<RabbitMQServerResource> builder, LocalProcessPolicy policy = LocalProcessPolicy.WhenNoContainerRuntime)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var container = builder.Resource;
        return LocalServerBuilder.RunAsLocalProcess(
            builder,
            policy,
            folder => new RabbitMQServerProcessResource(container.Name, container, folder),
            broker => new RabbitMQServerProcessHealthCheck(broker),
            local => local.WithLocalNode());
    }

    /// <summary>The node's process: its own ports, data and configuration; the cluster's epmd and Erlang cookie.</summary>
    internal static IResourceBuilder<RabbitMQServerProcessResource> WithLocalNode(this IResourceBuilder<RabbitMQServerProcessResource> local)
    {
        var broker = local.Resource;
        var folder = broker.DataDirectory;
        var epmd = broker.FirstNode is null
            ? local.ApplicationBuilder.AddEpmd($"{broker.Name}-epmd", folder)
            : local.ApplicationBuilder.CreateResourceBuilder(broker.Epmd!);
        broker.Epmd ??= epmd.Resource;
        var distributionPort = FreePort.Next();
        var amqpPort = broker.FirstNode is null ? LocalServerBuilder.Port(broker.Definition, "tcp") : FreePort.Next();
        var managementPort = LocalServerBuilder.Port(broker.Definition, "management");
        local
            .WithEndpoint(port: amqpPort, targetPort: amqpPort, name: "tcp", scheme: "tcp", isProxied: false)
            .WithEnvironment(context =>
            {
                var variables = context.EnvironmentVariables;
                foreach (var (name, value) in LocalRabbitMQConfiguration.ToolEnvironment(broker))
                {
                    variables[name] = value;
                }

                variables["RABBITMQ_NODENAME"] = broker.NodeName;
                variables["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
                variables["RABBITMQ_NODE_PORT"] = Text(amqpPort);
                variables["RABBITMQ_DIST_PORT"] = Text(distributionPort);
                variables["RABBITMQ_MNESIA_BASE"] = Path.Combine(folder, "data");
                variables["RABBITMQ_LOG_BASE"] = Path.Combine(folder, "log");
                variables["RABBITMQ_LOGS"] = "-";
                variables["RABBITMQ_CONFIG_FILE"] = Path.Combine(folder, "rabbitmq");
                variables["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(folder, "enabled_plugins");
                variables["RABBITMQ_PID_FILE"] = Path.Combine(folder, "rabbitmq.pid");
                // The script then execs the Erlang VM, which stops gracefully on the SIGTERM DCP sends,
                // instead of trapping it into a slow `rabbitmqctl stop` that needs epmd still running.
                variables["RUNNING_UNDER_SYSTEMD"] = "true";
                // -shutdown_time: RabbitMQ 3.10 has stopped its apps and stores within milliseconds of the
                // SIGTERM, then the VM idles about 5 s before it exits; 2 s bounds that wait. Confirmed
                // messages are on disk by then, and a node killed at any point recovers them anyway.
                variables["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-start_epmd false -shutdown_time 2000" + (broker.HasManagementPlugin
                    ? $" -rabbitmq_management tcp_config [{{ip,\"127.0.0.1\"}},{{port,{Text(managementPort)}}}]"
                    : "");
            })
            .WaitFor(epmd)
            .OnBeforeResourceStarted((resource, _, cancellationToken) => LocalRabbitMQConfiguration.WriteAsync(resource, cancellationToken));
        if (broker.HasManagementPlugin)
        {
            local.WithHttpEndpoint(port: managementPort, targetPort: managementPort, name: "management", isProxied: false);
        }

        if (broker.FirstNode is null)
        {
            epmd.WithParentRelationship(local);
        }

        return local;
    }

    /// <summary>
    /// Gives <paramref name="builder"/> the broker's management API as <c>services__{name}__management__0</c>,
    /// when the broker has one (an existing broker given by connection string has none the app host knows of).
    /// </summary>
    public static IResourceBuilder<TDestination> WithManagementReference<TDestination>(
        this IResourceBuilder<TDestination> builder, IResourceBuilder<RabbitMQServerProcessResource> broker)
        where TDestination : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(broker);
        return broker.Resource.HasManagementPlugin ? builder.WithReference(broker.Resource.ManagementEndpoint) : builder;
    }

    private static IResourceBuilder<EpmdResource> AddEpmd(this IDistributedApplicationBuilder app, string name, string folder)
    {
        var port = FreePort.Next();
        var healthCheckKey = $"{name}_check";
        app.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheckKey, _ => new TcpListeningHealthCheck(port), null, null));
        return app.AddResource(new EpmdResource(name, port, folder))
            .WithArgs("-port", Text(port), "-address", "127.0.0.1")
            .WithHealthCheck(healthCheckKey)
            .OnBeforeResourceStarted((resource, _, _) => LocalExecutable.EnsureInstalledAsync(resource, EpmdResource.Executable, "erlang-base"));
    }

    internal static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}

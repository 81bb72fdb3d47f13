using Microsoft.Extensions.Configuration;
using RabbitMQ.Client;

namespace Microsoft.Extensions.Hosting;

public static class MessageBrokerExtensions
{
    /// <summary>A lost connection is tried again this often: a node that stops is back, or another one answers, within about a second.</summary>
    public static readonly TimeSpan RecoveryInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The broker's connection through Aspire's RabbitMQ client, connected at start, named after the service in
    /// the broker's figures, and, when the app host lists a cluster's nodes (<c>{NAME}_NODES</c>, as host:port
    /// pairs), connected to any of them and recovered on another when its node is lost.
    /// </summary>
    public static IHostApplicationBuilder AddMessageBroker(this IHostApplicationBuilder builder, string connectionName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var nodes = builder.Configuration[$"{connectionName.ToUpperInvariant().Replace('-', '_')}_NODES"];
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName;
        builder.AddRabbitMQClient(connectionName, settings => settings.DisableAutoActivation = false, factory =>
        {
            factory.ClientProvidedName = serviceName;
            factory.NetworkRecoveryInterval = RecoveryInterval;
            if (nodes is { Length: > 0 })
            {
                // The default resolver shuffles the nodes for each connection and recovery, spreading clients over them.
                var endpoints = AmqpTcpEndpoint.ParseMultiple(nodes);
                factory.EndpointResolverFactory = _ => new DefaultEndpointResolver(endpoints);
            }
        });
        return builder;
    }
}

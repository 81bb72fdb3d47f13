using Mensageria.ServiceDefaults;
using Mensageria.ServiceDefaults.Health;
using Mensageria.ServiceDefaults.RabbitMQ;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers a shared RabbitMQ connection, as Aspire.RabbitMQ.Client does.</summary>
public static class RabbitMQClientExtensions
{
    private static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Registers one shared <see cref="IConnection"/> (unkeyed, and keyed by
    /// <paramref name="connectionName"/>) to the broker named by <c>ConnectionStrings:{connectionName}</c>,
    /// opened when the host starts, and a health check of the same name tagged <c>ready</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The connection string is missing or malformed.</exception>
    public static void AddRabbitMQClient(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<RabbitMQClientSettings>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);

        var settings = ClientSettings.Bind(builder, RabbitMQClientSettings.ConfigurationSection, connectionName, configure);

        // Validated here, so a bad value stops the service before anything else happens.
        var factory = RabbitMQConnectionString.CreateFactory(
            settings.ConnectionString, connectionName, builder.Environment.ApplicationName);

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddKeyedSingleton(connectionName, (provider, _) => new RabbitMQConnectionProvider(
            new RabbitMQConnector(
                connectionName,
                factory,
                settings.MaxConnectRetryAttempts,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<RabbitMQConnector>>())));

        // Not AddHostedService: it would drop a second connection name's registration.
        services.AddSingleton<IHostedService>(provider =>
            provider.GetRequiredKeyedService<RabbitMQConnectionProvider>(connectionName));
        services.AddKeyedSingleton(connectionName, (provider, _) =>
            provider.GetRequiredKeyedService<RabbitMQConnectionProvider>(connectionName).GetConnection());
        services.TryAddSingleton(provider => provider.GetRequiredKeyedService<IConnection>(connectionName));

        if (!settings.DisableHealthChecks)
        {
            services.AddHealthChecks().Add(new HealthCheckRegistration(
                connectionName,
                provider => new RabbitMQHealthCheck(
                    provider.GetRequiredKeyedService<RabbitMQConnectionProvider>(connectionName)),
                failureStatus: null,
                tags: [DefaultHealthEndpoints.ReadyTag],
                timeout: HealthCheckTimeout));
        }
    }
}

using Mensageria.ServiceDefaults;
using Mensageria.ServiceDefaults.Health;
using Mensageria.ServiceDefaults.Redis;
using Mensageria.ServiceDefaults.Redis.Tracing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers a shared Redis multiplexer, as Aspire.StackExchange.Redis does.</summary>
public static class RedisClientExtensions
{
    private static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Registers one shared <see cref="IConnectionMultiplexer"/> (unkeyed, and keyed by
    /// <paramref name="connectionName"/>) to the Redis named by <c>ConnectionStrings:{connectionName}</c>,
    /// a span for every command, and a PING health check of the same name tagged <c>ready</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The connection string is missing or malformed.</exception>
    public static void AddRedisClient(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<RedisClientSettings>? configure = null,
        Action<ConfigurationOptions>? configureOptions = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);

        var settings = ClientSettings.Bind(builder, RedisClientSettings.ConfigurationSection, connectionName, configure);

        // Validated here, so a bad value stops the service before anything else happens.
        var options = RedisConnectionString.Parse(
            settings.ConnectionString, connectionName, builder.Environment.ApplicationName);
        configureOptions?.Invoke(options);

        var services = builder.Services;
        if (!settings.DisableTracing)
        {
            services.AddRedisCommandTracing();
        }

        services.AddKeyedSingleton(connectionName, (provider, _) => new RedisConnectionProvider(
            connectionName,
            options,
            settings.DisableTracing ? null : provider.GetRequiredService<RedisCommandTracer>(),
            provider.GetRequiredService<ILogger<RedisConnectionProvider>>()));

        // Not AddHostedService: it would drop a second connection name's registration.
        services.AddSingleton<IHostedService>(provider =>
            provider.GetRequiredKeyedService<RedisConnectionProvider>(connectionName));
        services.AddKeyedSingleton(connectionName, (provider, _) =>
            provider.GetRequiredKeyedService<RedisConnectionProvider>(connectionName).GetMultiplexer());
        services.TryAddSingleton(provider => provider.GetRequiredKeyedService<IConnectionMultiplexer>(connectionName));

        if (!settings.DisableHealthChecks)
        {
            services.AddHealthChecks().Add(new HealthCheckRegistration(
                connectionName,
                provider => new RedisHealthCheck(provider.GetRequiredKeyedService<RedisConnectionProvider>(connectionName)),
                failureStatus: null,
                tags: [DefaultHealthEndpoints.ReadyTag],
                timeout: HealthCheckTimeout));
        }
    }
}

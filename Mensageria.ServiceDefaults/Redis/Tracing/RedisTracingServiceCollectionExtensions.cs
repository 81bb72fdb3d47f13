using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Trace;

namespace Mensageria.ServiceDefaults.Redis.Tracing;

/// <summary>Registers the Redis command tracer once, however many Redis connections there are.</summary>
internal static class RedisTracingServiceCollectionExtensions
{
    public static IServiceCollection AddRedisCommandTracing(this IServiceCollection services)
    {
        if (services.Any(descriptor => descriptor.ServiceType == typeof(RedisCommandTracer)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new RedisCommandTracer(RedisCommandTracer.DefaultSource));
        services.AddHostedService<RedisTracingFlushService>();
        services.AddOpenTelemetry().WithTracing(tracing => tracing
            .AddSource(MensageriaTelemetry.RedisSourceName)
            .AddProcessor(provider => new RedisTracingProcessor(provider.GetRequiredService<RedisCommandTracer>())));

        return services;
    }
}

using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Mensageria.ServiceDefaults.Redis;

/// <summary>Healthy when Redis answers a PING through the shared multiplexer.</summary>
internal sealed class RedisHealthCheck(RedisConnectionProvider provider) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var multiplexer = provider.Multiplexer;
        if (multiplexer is null)
        {
            return provider.Failure is { } failure
                ? HealthCheckResult.Unhealthy($"Could not create the Redis connection: {failure.Message}", failure)
                : HealthCheckResult.Unhealthy("Not connected to Redis yet.");
        }

        // A PING on a disconnected multiplexer would wait for its timeout; say so at once.
        if (!multiplexer.IsConnected)
        {
            return HealthCheckResult.Unhealthy("Not connected to Redis; reconnecting.");
        }

        try
        {
            var latency = await multiplexer.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy($"PING answered in {latency.TotalMilliseconds:0.0} ms.");
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"PING failed: {exception.Message}", exception);
        }
    }
}

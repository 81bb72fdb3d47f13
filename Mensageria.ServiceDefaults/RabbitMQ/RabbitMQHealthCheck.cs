using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mensageria.ServiceDefaults.RabbitMQ;

/// <summary>Healthy while the shared connection is open; never waits for it.</summary>
internal sealed class RabbitMQHealthCheck(RabbitMQConnectionProvider provider) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var connection = provider.Connection;
        var result = connection switch
        {
            null when provider.Failure is { } failure =>
                HealthCheckResult.Unhealthy($"Could not connect to RabbitMQ: {failure.Message}", failure),
            null => HealthCheckResult.Unhealthy("Not connected to RabbitMQ yet."),
            { IsOpen: true } => HealthCheckResult.Healthy($"Connected to {connection.Endpoint}."),
            _ => HealthCheckResult.Unhealthy(
                $"Connection to {connection.Endpoint} lost ({connection.CloseReason?.ReplyText ?? "no reason given"}); recovering."),
        };

        return Task.FromResult(result);
    }
}

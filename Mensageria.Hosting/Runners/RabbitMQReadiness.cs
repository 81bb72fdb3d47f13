using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace Mensageria.Hosting.Runners;

/// <summary>A broker is ready when it takes an authenticated AMQP connection (and, with the management plugin, its API answers).</summary>
internal static class RabbitMQReadiness
{
    private static readonly HttpClient s_http = new() { Timeout = TimeSpan.FromSeconds(2) };

    public static async Task<HealthCheckResult> CheckAsync(string connectionString, string? managementUrl, string? password, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(connectionString),
            AutomaticRecoveryEnabled = false,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(2),
            ClientProvidedName = "mensageria-apphost-readiness",
        };

        try
        {
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            await connection.CloseAsync(cancellationToken);
        }
        catch (Exception e) when (e is RabbitMQ.Client.Exceptions.BrokerUnreachableException or IOException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"AMQP connection failed: {e.InnerException?.Message ?? e.Message}");
        }

        if (managementUrl is null)
        {
            return HealthCheckResult.Healthy();
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{managementUrl}/api/overview");
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ApplicationModel.RabbitMQServerResource.UserName}:{password}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        try
        {
            using var response = await s_http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"management API answered {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return HealthCheckResult.Unhealthy($"management API unreachable: {e.Message}");
        }
    }
}

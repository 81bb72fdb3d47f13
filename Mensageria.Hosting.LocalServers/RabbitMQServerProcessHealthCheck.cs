using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace Mensageria.Hosting.LocalServers;

/// <summary>
/// A node is ready when it takes an authenticated AMQP connection and, with the management plugin,
/// its API answers with the same credentials: what the services and the web's panel will need.
/// </summary>
internal sealed class RabbitMQServerProcessHealthCheck(RabbitMQServerProcessResource broker) : IHealthCheck
{
    private static readonly HttpClient s_http = new() { Timeout = TimeSpan.FromSeconds(2) };

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var connectionString = await broker.ConnectionStringExpression.GetValueAsync(cancellationToken)
            ?? throw new InvalidOperationException($"'{broker.Name}' has no connection string yet.");
        var uri = new Uri(connectionString);
        var factory = new ConnectionFactory
        {
            Uri = uri,
            AutomaticRecoveryEnabled = false,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(2),
            ClientProvidedName = "apphost-health-check",
        };
        try
        {
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            await connection.CloseAsync(cancellationToken);
        }
        catch (RabbitMQ.Client.Exceptions.BrokerUnreachableException e) when (e.InnerException is RabbitMQ.Client.Exceptions.AuthenticationFailureException)
        {
            return HealthCheckResult.Unhealthy(
                $"The node refused the password. Its data in {broker.DataDirectory} was made with another one: " +
                "delete that folder (its queues go with it) or set the old password parameter again.");
        }
        catch (Exception e) when (e is RabbitMQ.Client.Exceptions.BrokerUnreachableException or IOException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"AMQP connection failed: {e.InnerException?.Message ?? e.Message}");
        }

        if (!broker.HasManagementPlugin)
        {
            return HealthCheckResult.Healthy();
        }

        var management = await broker.ManagementEndpoint.GetValueAsync(cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{management}/api/overview");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(uri.UserInfo))));
        try
        {
            using var response = await s_http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"The management API answered {(int)response.StatusCode}.");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The management API did not answer: {e.Message}");
        }
    }
}

using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mensageria.Hosting.LocalServers;

/// <summary>Healthy once something accepts TCP connections on a loopback port.</summary>
internal sealed class TcpListeningHealthCheck(int port) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(1));
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"nothing listens on 127.0.0.1:{port}");
        }
    }
}

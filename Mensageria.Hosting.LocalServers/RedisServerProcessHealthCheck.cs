using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mensageria.Hosting.LocalServers;

/// <summary>
/// A server is ready when it answers an authenticated PING with PONG; while it replays its
/// append-only file it answers LOADING, and is not ready yet.
/// </summary>
internal sealed class RedisServerProcessHealthCheck(RedisServerProcessResource redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var port = int.Parse(await redis.PrimaryEndpoint.Property(Aspire.Hosting.ApplicationModel.EndpointProperty.Port).GetValueAsync(cancellationToken) ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var password = redis.Definition.PasswordParameter is { } parameter ? await parameter.GetValueAsync(cancellationToken) : null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            var stream = client.GetStream();
            var commands = (password is null ? "" : Command("AUTH", password)) + Command("PING");
            await stream.WriteAsync(Encoding.UTF8.GetBytes(commands), timeout.Token);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            if (password is not null && await reader.ReadLineAsync(timeout.Token) is var auth && auth != "+OK")
            {
                return HealthCheckResult.Unhealthy($"AUTH was refused: {auth}");
            }

            var pong = await reader.ReadLineAsync(timeout.Token);
            return pong switch
            {
                "+PONG" => HealthCheckResult.Healthy(),
                ['-', .. var error] when error.StartsWith("LOADING ", StringComparison.Ordinal) => HealthCheckResult.Unhealthy($"Redis is not ready yet: {error}"),
                _ => HealthCheckResult.Unhealthy($"PING answered {pong}"),
            };
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"no answer on port {port}: {e.Message}");
        }
    }

    private static string Command(params string[] words) =>
        $"*{words.Length}\r\n" + string.Concat(words.Select(w => $"${Encoding.UTF8.GetByteCount(w)}\r\n{w}\r\n"));
}

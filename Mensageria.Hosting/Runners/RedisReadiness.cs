using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mensageria.Hosting.Runners;

/// <summary>A Redis server is ready when it answers an authenticated PING.</summary>
internal static class RedisReadiness
{
    public static async Task<HealthCheckResult> CheckAsync(string connectionString, CancellationToken cancellationToken)
    {
        var (host, port, password) = Parse(connectionString);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, timeout.Token);
            var stream = client.GetStream();
            var commands = (password is null ? "" : Command("AUTH", password)) + Command("PING");
            await stream.WriteAsync(Encoding.UTF8.GetBytes(commands), timeout.Token);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            if (password is not null && await reader.ReadLineAsync(timeout.Token) is var auth && auth != "+OK")
            {
                return HealthCheckResult.Unhealthy($"AUTH was refused: {auth}");
            }

            var pong = await reader.ReadLineAsync(timeout.Token);
            return pong == "+PONG" ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"PING answered {pong}");
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"no answer from {host}:{port}: {e.Message}");
        }
    }

    /// <summary>Reads the StackExchange.Redis form <c>host:port,password=…</c>.</summary>
    internal static (string Host, int Port, string? Password) Parse(string connectionString)
    {
        var parts = connectionString.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var endpoint = parts[0];
        var colon = endpoint.LastIndexOf(':');
        var host = colon < 0 ? endpoint : endpoint[..colon];
        var port = colon < 0 ? 6379 : int.Parse(endpoint[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var password = parts.Skip(1).FirstOrDefault(p => p.StartsWith("password=", StringComparison.OrdinalIgnoreCase))?["password=".Length..];
        return (host, port, password);
    }

    private static string Command(params string[] words) =>
        $"*{words.Length}\r\n" + string.Concat(words.Select(w => $"${Encoding.UTF8.GetByteCount(w)}\r\n{w}\r\n"));
}

using System.Net.Sockets;

namespace Mensageria.Hosting.Runners;

/// <summary>
/// Waits until our private epmd answers, so the broker registers with it instead of starting an
/// epmd daemon of its own (which would outlive the app). Asks a real NAMES request, which epmd
/// answers quietly, where a bare connect makes it log a complaint.
/// </summary>
internal static class EpmdProbe
{
    private static readonly byte[] s_namesRequest = [0, 1, (byte)'n'];

    public static async Task WaitUntilListeningAsync(int port, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port, cancellationToken);
                var stream = client.GetStream();
                await stream.WriteAsync(s_namesRequest, cancellationToken);
                var answer = new byte[4];
                await stream.ReadExactlyAsync(answer, cancellationToken);
                return;
            }
            catch (Exception e) when (e is SocketException or IOException && attempt < 200)
            {
                await Task.Delay(25, cancellationToken);
            }
        }
    }
}

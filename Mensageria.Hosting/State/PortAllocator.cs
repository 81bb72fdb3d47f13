using System.Net;
using System.Net.Sockets;

namespace Mensageria.Hosting.State;

/// <summary>
/// Hands out free loopback TCP ports. A port is never handed out twice by one process, so
/// several applications started side by side (as tests do) never collide with each other.
/// </summary>
public static class PortAllocator
{
    private static readonly HashSet<int> s_handedOut = [];
    private static readonly Lock s_gate = new();

    public static int GetFreePort()
    {
        lock (s_gate)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                if (s_handedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

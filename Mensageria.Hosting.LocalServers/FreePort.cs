using System.Net;
using System.Net.Sockets;

namespace Mensageria.Hosting.LocalServers;

/// <summary>
/// A loopback port free right now, for the local servers' ports, which the app host picks (they are
/// not behind DCP's proxy, and Erlang's epmd and node distribution cannot be). Another process could
/// take it before the server binds it; the server then fails to start and says so in its console.
/// </summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

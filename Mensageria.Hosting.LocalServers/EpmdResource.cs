using Aspire.Hosting.ApplicationModel;

namespace Mensageria.Hosting.LocalServers;

/// <summary>
/// The Erlang port mapper a local RabbitMQ node registers with: its own process on a loopback port
/// the app host picks, so that it stops with the app and never clashes with another node's. It
/// cannot sit behind DCP's proxy (Erlang checks the peer address), so it is not an endpoint.
/// </summary>
public sealed class EpmdResource(string name, int port, string workingDirectory)
    : ExecutableResource(name, Executable, workingDirectory)
{
    internal const string Executable = "/usr/bin/epmd";

    public int Port { get; } = port;
}

using Mensageria.Messaging.Rpc;
using Mensageria.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;

namespace Mensageria.Tests.Messaging;

/// <summary>
/// An RPC client and, if asked, a <see cref="PingHandler"/> server, in a host of the test's own,
/// on a fresh queue of the app's broker (deleted again at the end).
/// </summary>
internal sealed class RpcHost : IAsyncDisposable
{
    private readonly IHost _host;

    private RpcHost(IHost host, string queue)
    {
        _host = host;
        Queue = queue;
    }

    public string Queue { get; }

    public RpcClient Client => _host.Services.GetRequiredService<RpcClient>();

    public static async Task<RpcHost> StartAsync(DistributedApplication app, bool withServer, CancellationToken cancellationToken)
    {
        var queue = $"rpc-test.{Guid.NewGuid():N}";
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration["ConnectionStrings:messaging"] = await app.GetRequiredConnectionStringAsync("messaging", cancellationToken);
        builder.Configuration[$"Mensageria:Consumers:{queue}:Concurrency"] = "32";
        builder.Configuration[$"Mensageria:Consumers:{queue}:Prefetch"] = "64";
        builder.AddMessageBroker("messaging");
        builder.AddRpcClient();
        if (withServer)
        {
            builder.AddRpcServer<Ping, Pong, PingHandler>(queue, PingJsonContext.Default.Ping, PingJsonContext.Default.Pong);
        }

        var host = builder.Build();
        await using (var channel = await host.Services.GetRequiredService<IConnection>().CreateChannelAsync(cancellationToken: cancellationToken))
        {
            await channel.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        }

        await host.StartAsync(cancellationToken);
        return new RpcHost(host, queue);
    }

    public Task<Pong> CallAsync(Ping ping, TimeSpan timeout, CancellationToken cancellationToken) =>
        Client.CallAsync(Queue, ping, PingJsonContext.Default.Ping, PingJsonContext.Default.Pong, timeout, cancellationToken);

    /// <summary>Closes the client's broker connection, as a broker that goes away would.</summary>
    public Task CloseConnectionAsync() => _host.Services.GetRequiredService<IConnection>().CloseAsync();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        var connection = _host.Services.GetRequiredService<IConnection>();
        if (connection.IsOpen)
        {
            await using var channel = await connection.CreateChannelAsync();
            await channel.QueueDeleteAsync(Queue);
        }

        _host.Dispose();
    }
}

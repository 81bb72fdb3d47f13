using MassTransit;
using Mensageria.Messaging.Orders;

namespace Mensageria.Benchmarks.MassTransit;

public static class PeerExtensions
{
    /// <summary>What this process does, from <c>Peer:Role</c> (the API unless told).</summary>
    public static PeerRole Role(this IConfiguration configuration) => configuration.GetValue("Peer:Role", PeerRole.Api);

    /// <summary>
    /// MassTransit on RabbitMQ (<c>ConnectionStrings:messaging</c>, publisher confirms on) with the
    /// settings of Mensageria's own worker: a quorum queue, prefetch 64, 16 messages at a time, retries
    /// with backoff (an order whose API has not recorded its confirm yet is tried again shortly).
    /// </summary>
    public static IHostApplicationBuilder AddMassTransitPeer(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var role = builder.Configuration.Role();
        var broker = new Uri(builder.Configuration.GetConnectionString("messaging")
            ?? throw new InvalidOperationException("ConnectionStrings:messaging is missing: the peer needs the broker."));
        var credentials = Uri.UnescapeDataString(broker.UserInfo).Split(':', 2);

        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, PeerJsonContext.Default));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<OrderStore>();
        builder.Services.AddSingleton<CatalogStore>();
        builder.Services.AddMassTransit(bus =>
        {
            if (role == PeerRole.Worker)
            {
                bus.AddConsumer<PeerOrderConsumer>();
            }

            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker.Host, (ushort)broker.Port, "/", host =>
                {
                    host.Username(credentials[0]);
                    host.Password(credentials[1]);
                    host.PublisherConfirmation = true;
                });
                if (role == PeerRole.Worker)
                {
                    rabbit.ReceiveEndpoint(PeerOrderConsumer.Queue, endpoint =>
                    {
                        endpoint.SetQuorumQueue();
                        endpoint.PrefetchCount = 64;
                        endpoint.ConcurrentMessageLimit = 16;
                        // As Mensageria's worker: an order delivered before its API recorded the confirm is looked at
                        // again after 2 ms, doubling (that is nearly the only retry a run has).
                        endpoint.UseMessageRetry(retry => retry.Intervals(2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096));
                        endpoint.ConfigureConsumer<PeerOrderConsumer>(context);
                    });
                }
            });
        });
        return builder;
    }
}

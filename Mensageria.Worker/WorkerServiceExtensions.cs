using Mensageria.Messaging.Contracts;
using Mensageria.Messaging.Topology;
using Mensageria.Worker.Orders;

namespace Mensageria.Worker;

/// <summary>The worker's own services: its replica identity and the order consumer.</summary>
public static class WorkerServiceExtensions
{
    public static IHostApplicationBuilder AddWorkerServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddSingleton(ReplicaIdentity.FromConfiguration(builder.Configuration));
        builder.Services.AddHostedService<ReplicaLifecycleService>();
        builder.AddOrderMessaging();
        builder.Services.AddSingleton<OrderEvents>();
        builder.AddMessageConsumer<OrderPlaced, OrderPlacedHandler>(MessagingTopology.OrdersQueue, MessagingJsonContext.Default.OrderPlaced);
        return builder;
    }
}

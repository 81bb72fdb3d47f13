using Mensageria.Messaging.Contracts;
using Mensageria.Messaging.Topology;
using Mensageria.Worker.Orders;
using Mensageria.Worker.Quotes;

namespace Mensageria.Worker;

/// <summary>The worker's own services: its replica identity, the order consumer and the quote server.</summary>
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
        builder.AddRpcServer<QuoteRequest, Quote, QuoteHandler>(
            MessagingTopology.QuotesQueue, MessagingJsonContext.Default.QuoteRequest, MessagingJsonContext.Default.Quote);
        return builder;
    }
}

using Mensageria.Messaging;
using Mensageria.Messaging.Orders;
using Mensageria.Messaging.Topology;
using RabbitMQ.Client;

namespace Mensageria.Api;

/// <summary>
/// Declares the broker topology and seeds the catalog at start. The API is not ready (and nothing
/// waiting for it starts) before this is done, because until then every SKU would look unknown.
/// </summary>
public sealed partial class StartupTasks(IConnection broker, CatalogStore catalog, TimeProvider timeProvider, ILogger<StartupTasks> logger)
    : StartupStep(timeProvider, logger)
{
    protected override string PendingDescription => "The topology is not declared or the catalog not seeded yet.";

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await MessagingTopology.DeclareAsync(broker, cancellationToken);
        await catalog.SeedAsync();
        LogReady(logger);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Broker topology declared and catalog seeded")]
    private static partial void LogReady(ILogger logger);
}

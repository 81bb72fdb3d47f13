using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Mensageria.Messaging.Consuming;

/// <summary>What a <see cref="MessageConsumerHost{TMessage}"/> does with each delivery: handle it, then settle it on its channel.</summary>
internal interface IDeliveryProcessor
{
    /// <summary>Deliveries being handled right now; a stopping consumer waits briefly for them.</summary>
    int InFlight { get; }

    Task ProcessAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken stoppingToken);
}

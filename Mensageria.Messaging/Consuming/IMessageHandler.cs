namespace Mensageria.Messaging.Consuming;

/// <summary>
/// Does the work for one message. Returning means the work is stored and the message may be acked;
/// throwing means it is not done: it is retried, and after the queue's delivery limit dead-lettered.
/// Handlers must be idempotent: a message can arrive again after a crash.
/// </summary>
public interface IMessageHandler<in TMessage>
{
    Task HandleAsync(TMessage message, DeliveryContext context, CancellationToken cancellationToken);
}

using Mensageria.Messaging.Publishing;
using RabbitMQ.Client.Exceptions;
using StackExchange.Redis;

namespace Mensageria.Messaging.Consuming;

/// <summary>
/// Failures that say nothing about the message: a server unreachable or slow, or the message's turn
/// not come yet. They are retried in place for as long as they last, so an outage never uses up a
/// message's deliveries and dead-letters good orders; every other failure counts toward the limit.
/// </summary>
public static class TransientFailure
{
    public static bool Is(Exception exception) => exception is
        RetryLaterException or
        RedisConnectionException or
        RedisTimeoutException or
        PublishFailedException or
        AlreadyClosedException or
        OperationInterruptedException or
        BrokerUnreachableException or
        TimeoutException or
        IOException;
}

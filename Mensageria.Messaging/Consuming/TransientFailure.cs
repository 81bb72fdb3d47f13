using Mensageria.Messaging.Publishing;
using RabbitMQ.Client.Exceptions;
using StackExchange.Redis;

namespace Mensageria.Messaging.Consuming;

/// <summary>
/// Failures that say nothing about the message: a server unreachable, slow or not ready yet, or the
/// message's turn not come yet. They are retried in place for as long as they last, so an outage
/// never uses up a message's deliveries and dead-letters good orders; every other failure counts
/// toward the limit.
/// </summary>
public static class TransientFailure
{
    // Redis's "not ready yet" errors: replaying its data after a restart, busy in a long script,
    // a replica whose primary is gone, a cluster slot moving or the cluster down.
    private static readonly RedisErrorKind[] s_redisNotReady =
        [RedisErrorKind.Loading, RedisErrorKind.Busy, RedisErrorKind.MasterDown, RedisErrorKind.TryAgain, RedisErrorKind.ClusterDown];

    public static bool Is(Exception exception) => exception is
        RetryLaterException or
        RedisConnectionException or
        RedisTimeoutException or
        PublishFailedException or
        AlreadyClosedException or
        OperationInterruptedException or
        BrokerUnreachableException or
        TimeoutException or
        IOException
        || IsRedisNotReady(exception);

    /// <summary>Why a transient failure happened, for a log line: Redis's own words when it is not ready yet, else the exception's message.</summary>
    public static string Reason(Exception exception) =>
        RedisNotReadyReply(exception) is { } reply ? $"Redis is not ready yet: {reply}" : exception.Message;

    /// <summary>What a caller is told while the connection to Redis is down.</summary>
    public const string RedisUnreachable = "The order store (Redis) is unreachable.";

    /// <summary>What a caller is told when Redis failed: not ready yet (in Redis's words), unreachable, or not answering.</summary>
    public static string DescribeRedis(Exception exception) => exception switch
    {
        _ when RedisNotReadyReply(exception) is { } reply => $"The order store (Redis) is not ready yet: {reply}",
        RedisConnectionException => RedisUnreachable,
        _ => "The order store (Redis) did not answer in time.",
    };

    private static bool IsRedisNotReady(Exception exception) => RedisNotReadyReply(exception) is not null;

    /// <summary>
    /// The "not yet" reply, whether a command got it or the connection's handshake did (the client
    /// then fails the connection as Loading, and keeps trying until the data is loaded).
    /// </summary>
    private static string? RedisNotReadyReply(Exception exception) => exception switch
    {
        RedisServerException { Kind: var kind } when s_redisNotReady.Contains(kind) => exception.Message,
        RedisConnectionException { FailureType: ConnectionFailureType.Loading } => "LOADING Redis is loading the dataset in memory",
        _ => null,
    };
}

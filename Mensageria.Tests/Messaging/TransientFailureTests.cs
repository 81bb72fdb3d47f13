using Mensageria.Messaging.Consuming;
using StackExchange.Redis;

namespace Mensageria.Tests.Messaging;

/// <summary>Which Redis replies mean "not yet" (waited out) and which mean "no" (counted against the message).</summary>
public sealed class TransientFailureTests
{
    [Theory]
    [InlineData(RedisErrorKind.Loading, "LOADING Redis is loading the dataset in memory")]
    [InlineData(RedisErrorKind.Busy, "BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.")]
    [InlineData(RedisErrorKind.MasterDown, "MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.")]
    [InlineData(RedisErrorKind.TryAgain, "TRYAGAIN Multiple keys request during rehashing of slot")]
    [InlineData(RedisErrorKind.ClusterDown, "CLUSTERDOWN The cluster is down")]
    public void A_not_ready_yet_reply_is_transient_and_told_in_Redis_words(RedisErrorKind kind, string reply)
    {
        var failure = new RedisServerException(kind, CommandFlags.None, reply);

        Assert.True(TransientFailure.Is(failure));
        Assert.Equal($"The order store (Redis) is not ready yet: {reply}", TransientFailure.DescribeRedis(failure));
        Assert.Equal($"Redis is not ready yet: {reply}", TransientFailure.Reason(failure));
    }

    [Theory]
    [InlineData(RedisErrorKind.UnknownError, "BUSYGROUP Consumer Group name already exists")]
    [InlineData(RedisErrorKind.UnknownError, "ERR Error running script (call to f_1234): @user_script:1: wrong number of arguments")]
    [InlineData(RedisErrorKind.WrongType, "WRONGTYPE Operation against a key holding the wrong kind of value")]
    [InlineData(RedisErrorKind.NoScript, "NOSCRIPT No matching script. Please use EVAL.")]
    public void Any_other_reply_counts_against_the_message(RedisErrorKind kind, string reply)
    {
        var failure = new RedisServerException(kind, CommandFlags.None, reply);

        Assert.False(TransientFailure.Is(failure));
        Assert.Equal(reply, TransientFailure.Reason(failure));
    }

    [Fact]
    public void A_connection_that_found_Redis_loading_is_not_ready_yet_rather_than_unreachable()
    {
        var loading = new RedisConnectionException(ConnectionFailureType.Loading, CommandFlags.None, "Loading on 127.0.0.1:6379/Interactive, Idle/ComputeResult, last: INFO", null, CommandStatus.Sent);
        var refused = new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "It was not possible to connect to the redis server(s).", null, CommandStatus.Unknown);

        Assert.True(TransientFailure.Is(loading));
        Assert.StartsWith("The order store (Redis) is not ready yet: LOADING", TransientFailure.DescribeRedis(loading), StringComparison.Ordinal);
        Assert.Equal("The order store (Redis) is unreachable.", TransientFailure.DescribeRedis(refused));
        Assert.Equal("The order store (Redis) did not answer in time.", TransientFailure.DescribeRedis(new RedisTimeoutException(CommandFlags.None, "Timeout awaiting response", CommandStatus.Sent)));
    }
}

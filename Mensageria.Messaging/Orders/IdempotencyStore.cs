using StackExchange.Redis;

namespace Mensageria.Messaging.Orders;

/// <summary>
/// Idempotency keys with a TTL: the first request with a key claims it; a retry with the same body
/// gets the same order, one with another body a conflict. A claim is released when its request fails,
/// so a retry can succeed.
/// </summary>
public sealed class IdempotencyStore(IConnectionMultiplexer redis)
{
    public static readonly TimeSpan KeyLifetime = TimeSpan.FromHours(24);

    // A claim whose request died unanswered frees itself soon, rather than blocking its key for a day.
    private static readonly TimeSpan s_claimLifetime = TimeSpan.FromMinutes(1);

    /// <summary>Null when this request claimed the key; otherwise what the earlier request holds.</summary>
    public async Task<IdempotencyEntry?> ClaimAsync(string key, string bodyHash, string orderId)
    {
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
            OrderScripts.Claim, [RedisKeys.Idempotency(key)], [bodyHash, orderId, (long)s_claimLifetime.TotalSeconds]))!;
        return result.Length == 0 ? null : new IdempotencyEntry((string)result[0]!, (string)result[1]!, (string?)result[2] == "accepted");
    }

    public async Task MarkAcceptedAsync(string key)
    {
        var transaction = redis.GetDatabase().CreateTransaction();
        _ = transaction.HashSetAsync(RedisKeys.Idempotency(key), "state", "accepted");
        _ = transaction.KeyExpireAsync(RedisKeys.Idempotency(key), KeyLifetime);
        await transaction.ExecuteAsync();
    }

    public Task ReleaseAsync(string key) => redis.GetDatabase().KeyDeleteAsync(RedisKeys.Idempotency(key));
}

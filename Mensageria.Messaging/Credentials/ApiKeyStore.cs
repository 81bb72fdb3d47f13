using Mensageria.Messaging.Orders;
using StackExchange.Redis;

namespace Mensageria.Messaging.Credentials;

/// <summary>
/// API keys in Redis: a hash per key (its SHA-256, never the key), a set of their ids, and a counter
/// per key and minute for its rate. Nothing is cached, so a revocation holds on every replica at once.
/// </summary>
public sealed class ApiKeyStore(IConnectionMultiplexer redis, TimeProvider timeProvider)
{
    /// <summary>A key's last use is written at most this often, so a busy key is not a write per request.</summary>
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromSeconds(1);

    /// <summary>Issues a key; the key itself is in the answer only, never stored.</summary>
    public async Task<(ApiKeyRecord Record, string Key)> CreateAsync(string name, TimeSpan lifetime, int requestsPerMinute)
    {
        var (id, key) = ApiKeySecret.Generate();
        var now = timeProvider.GetUtcNow();
        var record = new ApiKeyRecord(id, name, now, now + lifetime, null, null, requestsPerMinute);
        var database = redis.GetDatabase();
        // The id is listed first: a crash between the two writes leaves an id without a key, which lists
        // skip, never a key that works but is not listed.
        await database.SetAddAsync(RedisKeys.ApiKeys, id);
        await database.HashSetAsync(RedisKeys.ApiKey(id),
        [
            new("hash", ApiKeySecret.Hash(key)),
            new("name", name),
            new("createdAt", record.CreatedAt.ToUnixTimeMilliseconds()),
            new("expiresAt", record.ExpiresAt.ToUnixTimeMilliseconds()),
            new("requestsPerMinute", requestsPerMinute),
        ]);
        return (record, key);
    }

    /// <summary>Every key issued, newest first.</summary>
    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync()
    {
        var database = redis.GetDatabase();
        var ids = await database.SetMembersAsync(RedisKeys.ApiKeys);
        var records = await Task.WhenAll(ids.Select(id => GetAsync(database, id!)));
        return [.. records.OfType<ApiKeyRecord>().OrderByDescending(r => r.CreatedAt)];
    }

    public Task<ApiKeyRecord?> GetAsync(string id) => GetAsync(redis.GetDatabase(), id);

    /// <summary>Revokes a key, at once for every request after this; revoking it again keeps the first time. False when there is no such key.</summary>
    public async Task<bool> RevokeAsync(string id) =>
        (int)await redis.GetDatabase().ScriptEvaluateAsync(ApiKeyScripts.Revoke, [RedisKeys.ApiKey(id)], [timeProvider.GetUtcNow().ToUnixTimeMilliseconds()]) == 1;

    /// <summary>Checks a presented key, counts it against its rate and records its use, in one round trip.</summary>
    public async Task<ApiKeyCheck> CheckAsync(string presented)
    {
        if (ApiKeySecret.IdOf(presented) is not { } id)
        {
            return ApiKeyCheck.Unknown;
        }

        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
            ApiKeyScripts.Check,
            [RedisKeys.ApiKey(id), RedisKeys.ApiKeyRate(id)],
            [ApiKeySecret.Hash(presented), timeProvider.GetUtcNow().ToUnixTimeMilliseconds(), (long)LastUseResolution.TotalMilliseconds]))!;
        var name = result.Length > 1 ? (string?)result[1] : null;
        return (string?)result[0] switch
        {
            "accepted" => new ApiKeyCheck(ApiKeyVerdict.Accepted, id, name),
            "revoked" => new ApiKeyCheck(ApiKeyVerdict.Revoked, id, name),
            "expired" => new ApiKeyCheck(ApiKeyVerdict.Expired, id, name),
            "limited" => new ApiKeyCheck(ApiKeyVerdict.RateLimited, id, name, TimeSpan.FromMilliseconds(Math.Max(0, (long)result[2]))),
            _ => ApiKeyCheck.Unknown,
        };
    }

    private static async Task<ApiKeyRecord?> GetAsync(IDatabase database, string id)
    {
        var fields = (await database.HashGetAllAsync(RedisKeys.ApiKey(id))).ToDictionary(e => (string)e.Name!, e => e.Value);
        return fields.TryGetValue("name", out var name) && fields.TryGetValue("expiresAt", out var expires)
            ? new ApiKeyRecord(
                id,
                name!,
                Time(fields["createdAt"])!.Value,
                Time(expires)!.Value,
                Time(fields.GetValueOrDefault("lastUsedAt")),
                Time(fields.GetValueOrDefault("revokedAt")),
                (int)fields["requestsPerMinute"])
            : null;
    }

    private static DateTimeOffset? Time(RedisValue value) =>
        value.IsNull ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)value);
}

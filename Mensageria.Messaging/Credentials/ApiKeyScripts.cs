namespace Mensageria.Messaging.Credentials;

/// <summary>The Lua scripts of the key store; each touches one key's hash slot only (its id is the hash tag).</summary>
internal static class ApiKeyScripts
{
    /// <summary>
    /// Checks a key and counts its use in one round trip. KEYS: record, rate window.
    /// ARGV: the presented key's hash, now (unix ms), the least milliseconds between two writes of the last use.
    /// Returns {verdict, name, retry-after ms}.
    /// </summary>
    public const string Check = """
        local key = redis.call('HMGET', KEYS[1], 'hash', 'name', 'expiresAt', 'revokedAt', 'lastUsedAt', 'requestsPerMinute')
        if not key[1] or key[1] ~= ARGV[1] then return {'unknown'} end
        if key[4] then return {'revoked', key[2]} end
        local now = tonumber(ARGV[2])
        if now >= tonumber(key[3]) then return {'expired', key[2]} end
        local used = redis.call('INCR', KEYS[2])
        if used == 1 then redis.call('PEXPIRE', KEYS[2], 60000) end
        if used > tonumber(key[6]) then return {'limited', key[2], redis.call('PTTL', KEYS[2])} end
        if not key[5] or now - tonumber(key[5]) >= tonumber(ARGV[3]) then redis.call('HSET', KEYS[1], 'lastUsedAt', ARGV[2]) end
        return {'accepted', key[2]}
        """;

    /// <summary>Revokes a key once (the first time stays). KEYS: record. ARGV: now (unix ms). Returns 0 when there is no such key.</summary>
    public const string Revoke = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
        redis.call('HSETNX', KEYS[1], 'revokedAt', ARGV[1])
        return 1
        """;
}

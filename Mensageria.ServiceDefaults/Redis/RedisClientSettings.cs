namespace Mensageria.ServiceDefaults.Redis;

/// <summary>
/// Settings of one Redis connection, bound from <c>Mensageria:Redis:{connectionName}</c>;
/// <c>ConnectionStrings:{connectionName}</c>, when set, wins over <see cref="ConnectionString"/>.
/// </summary>
public sealed class RedisClientSettings
{
    /// <summary>The configuration section that holds one section per connection name.</summary>
    public const string ConfigurationSection = "Mensageria:Redis";

    /// <summary>A StackExchange.Redis configuration string: <c>{host}:{port},password={password}</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Leaves the connection out of <c>/health</c>.</summary>
    public bool DisableHealthChecks { get; set; }

    /// <summary>Issues no spans for this connection's commands.</summary>
    public bool DisableTracing { get; set; }
}

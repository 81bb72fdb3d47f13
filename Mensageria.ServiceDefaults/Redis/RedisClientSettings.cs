namespace Mensageria.ServiceDefaults.Redis;

/// <summary>
/// Settings of one Redis connection, bound from <c>Mensageria:Redis:{connectionName}</c>;
/// <c>ConnectionStrings:{connectionName}</c>, when set, wins over <see cref="ClientSettings.ConnectionString"/>.
/// </summary>
public sealed class RedisClientSettings : ClientSettings
{
    /// <summary>The configuration section that holds one section per connection name.</summary>
    public const string ConfigurationSection = "Mensageria:Redis";

    /// <summary>Issues no spans for this connection's commands.</summary>
    public bool DisableTracing { get; set; }
}

namespace Mensageria.ServiceDefaults.RabbitMQ;

/// <summary>
/// Settings of one RabbitMQ connection, bound from <c>Mensageria:RabbitMQ:{connectionName}</c>;
/// <c>ConnectionStrings:{connectionName}</c>, when set, wins over <see cref="ClientSettings.ConnectionString"/>.
/// </summary>
public sealed class RabbitMQClientSettings : ClientSettings
{
    /// <summary>The configuration section that holds one section per connection name.</summary>
    public const string ConfigurationSection = "Mensageria:RabbitMQ";

    /// <summary>How many times to try the first connection before giving up (at least 1).</summary>
    public int MaxConnectRetryAttempts { get; set; } = 8;
}

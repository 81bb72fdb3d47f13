namespace Mensageria.ServiceDefaults.RabbitMQ;

/// <summary>
/// Settings of one RabbitMQ connection, bound from <c>Mensageria:RabbitMQ:{connectionName}</c>;
/// <c>ConnectionStrings:{connectionName}</c>, when set, wins over <see cref="ConnectionString"/>.
/// </summary>
public sealed class RabbitMQClientSettings
{
    /// <summary>The configuration section that holds one section per connection name.</summary>
    public const string ConfigurationSection = "Mensageria:RabbitMQ";

    /// <summary>An AMQP URI: <c>amqp://{user}:{password}@{host}:{port}</c>, user and password URI-escaped.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How many times to try the first connection before giving up (at least 1).</summary>
    public int MaxConnectRetryAttempts { get; set; } = 8;

    /// <summary>Leaves the connection out of <c>/health</c>.</summary>
    public bool DisableHealthChecks { get; set; }
}

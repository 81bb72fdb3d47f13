using StackExchange.Redis;

namespace Mensageria.ServiceDefaults.Redis;

/// <summary>
/// Turns a connection string into <see cref="ConfigurationOptions"/>, failing at startup with a
/// message that names the configuration key and the expected form. Messages never echo the value:
/// it holds a password.
/// </summary>
internal static class RedisConnectionString
{
    public const string ExpectedForm = "{host}:{port},password={password}";

    public static ConfigurationOptions Parse(string? connectionString, string connectionName, string clientName)
    {
        var key = $"ConnectionStrings:{connectionName}";
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Redis connection '{connectionName}' has no connection string: set {key} " +
                $"(or {RedisClientSettings.ConfigurationSection}:{connectionName}:ConnectionString) " +
                $"to {ExpectedForm}.");
        }

        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(connectionString);
        }
        catch (ArgumentException exception)
        {
            throw Malformed(key, exception.Message, exception);
        }

        if (options.EndPoints.Count == 0)
        {
            throw Malformed(key, "it names no {host}:{port} endpoint");
        }

        // Start even if Redis is not up yet, and reconnect by itself whenever it comes back.
        options.AbortOnConnectFail = false;
        options.ClientName ??= clientName;
        return options;
    }

    private static InvalidOperationException Malformed(string key, string problem, Exception? inner = null) =>
        new($"{key} is not a valid Redis connection string ({problem}); expected {ExpectedForm}.", inner);
}

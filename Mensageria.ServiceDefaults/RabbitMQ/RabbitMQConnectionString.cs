using RabbitMQ.Client;

namespace Mensageria.ServiceDefaults.RabbitMQ;

/// <summary>
/// Turns a connection string into a <see cref="ConnectionFactory"/>, failing at startup with a
/// message that names the configuration key and the expected form. Messages never echo the value:
/// it holds a password.
/// </summary>
internal static class RabbitMQConnectionString
{
    public const string ExpectedForm =
        "amqp://{user}:{password}@{host}:{port} (user and password URI-escaped)";

    public static ConnectionFactory CreateFactory(string? connectionString, string connectionName, string clientName)
    {
        var key = $"ConnectionStrings:{connectionName}";
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"RabbitMQ connection '{connectionName}' has no connection string: set {key} " +
                $"(or {RabbitMQClientSettings.ConfigurationSection}:{connectionName}:ConnectionString) " +
                $"to {ExpectedForm}.");
        }

        var problem = FindProblem(connectionString, out var uri);
        if (problem is not null)
        {
            throw Malformed(key, problem);
        }

        try
        {
            return new ConnectionFactory
            {
                Uri = uri!,
                ClientProvidedName = clientName,
                // Reconnect, and redeclare what the app declared, after the broker comes back.
                AutomaticRecoveryEnabled = true,
                TopologyRecoveryEnabled = true,
                // An unreachable host should fail one attempt in seconds, not the default 30 s.
                RequestedConnectionTimeout = TimeSpan.FromSeconds(10),
            };
        }
        catch (ArgumentException exception)
        {
            // The factory rejects, e.g., a badly escaped user name or password.
            throw Malformed(key, "the client rejected it: " + exception.Message, exception);
        }
    }

    private static string? FindProblem(string connectionString, out Uri? uri)
    {
        if (!Uri.TryCreate(connectionString.Trim(), UriKind.Absolute, out uri))
        {
            return "it is not an absolute URI";
        }

        if (uri.Scheme is not ("amqp" or "amqps"))
        {
            return $"its scheme is '{uri.Scheme}', not amqp or amqps";
        }

        return uri.Host.Length == 0 ? "it has no host" : null;
    }

    private static InvalidOperationException Malformed(string key, string problem, Exception? inner = null) =>
        new($"{key} is not a valid RabbitMQ connection string ({problem}); expected {ExpectedForm}.", inner);
}

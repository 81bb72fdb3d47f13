using Aspire.Hosting.ApplicationModel;

namespace Mensageria.Hosting.LocalServers;

/// <summary>
/// A RabbitMQ node run from Debian's <c>rabbitmq-server</c> as a local process, offering what Aspire's
/// <see cref="RabbitMQServerResource"/> offers: the same name, endpoints (<c>tcp</c>, <c>management</c>),
/// credentials and connection string.
/// </summary>
public sealed class RabbitMQServerProcessResource(string name, RabbitMQServerResource definition, string dataDirectory)
    : LocalServerResource(name, ServerScript, dataDirectory)
{
    internal const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    internal const string DebianPackage = "rabbitmq-server";

    /// <summary>Aspire's resource whose settings (user, password, management plugin) this one runs with.</summary>
    public RabbitMQServerResource Definition { get; } = definition;

    public EndpointReference ManagementEndpoint => new(this, "management");

    /// <summary>Whether the broker serves the management API on <see cref="ManagementEndpoint"/> (an existing broker has none that the app host knows of).</summary>
    public bool HasManagementPlugin =>
        StandsFor is null or RabbitMQServerResource && Definition.Annotations.OfType<EndpointAnnotation>().Any(e => e.Name == "management");

    protected override ReferenceExpression ProcessConnectionString => ReferenceExpression.Create(
        $"amqp://{Definition.UserNameReference}:{Definition.PasswordParameter}@{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)}");

    protected override IEnumerable<KeyValuePair<string, ReferenceExpression>> ProcessConnectionProperties() =>
    [
        new("Host", Host),
        new("Port", Port),
        new("Username", Definition.UserNameReference),
        new("Password", ReferenceExpression.Create($"{Definition.PasswordParameter}")),
        new("Uri", ProcessConnectionString),
    ];
}

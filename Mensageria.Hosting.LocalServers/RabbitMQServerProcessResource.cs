using Aspire.Hosting.ApplicationModel;

namespace Mensageria.Hosting.LocalServers;

/// <summary>
/// A RabbitMQ node run from Debian's <c>rabbitmq-server</c> as a local process, offering what Aspire's
/// <see cref="RabbitMQServerResource"/> offers: the same name, endpoints (<c>tcp</c>, <c>management</c>),
/// credentials and connection string. When Aspire's container runs instead, this resource is not in
/// the model and stands for the container (its annotations and connection string are the container's),
/// as Aspire's own <c>RunAsContainer</c> resources do; likewise for an existing broker given by connection string.
/// </summary>
public sealed class RabbitMQServerProcessResource(string name, RabbitMQServerResource definition, string dataDirectory)
    : ExecutableResource(name, ServerScript, dataDirectory), IResourceWithConnectionString
{
    internal const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    internal const string DebianPackage = "rabbitmq-server";

    /// <summary>Aspire's resource whose settings (user, password, management plugin) this one runs with.</summary>
    public RabbitMQServerResource Definition { get; } = definition;

    /// <summary>
    /// The resource in the model that runs instead of this process (Aspire's container, or an
    /// existing broker's connection string), or null when this process runs.
    /// </summary>
    public IResourceWithConnectionString? StandsFor { get; init; }

    /// <summary>The folder of the node's data, logs and configuration, kept between runs.</summary>
    public string DataDirectory { get; } = dataDirectory;

    public override ResourceAnnotationCollection Annotations => StandsFor?.Annotations ?? base.Annotations;

    public EndpointReference PrimaryEndpoint => new(this, "tcp");

    public EndpointReference ManagementEndpoint => new(this, "management");

    /// <summary>Whether the broker serves the management API on <see cref="ManagementEndpoint"/> (an existing broker has none that the app host knows of).</summary>
    public bool HasManagementPlugin =>
        StandsFor is null or RabbitMQServerResource && Definition.Annotations.OfType<EndpointAnnotation>().Any(e => e.Name == "management");

    public ReferenceExpression ConnectionStringExpression => StandsFor is not null
        ? StandsFor.ConnectionStringExpression
        : ReferenceExpression.Create(
            $"amqp://{Definition.UserNameReference}:{Definition.PasswordParameter}@{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)}");

    IEnumerable<KeyValuePair<string, ReferenceExpression>> IResourceWithConnectionString.GetConnectionProperties()
    {
        if (StandsFor is not null)
        {
            return StandsFor.GetConnectionProperties();
        }

        return
        [
            new("Host", ReferenceExpression.Create($"{PrimaryEndpoint.Property(EndpointProperty.Host)}")),
            new("Port", ReferenceExpression.Create($"{PrimaryEndpoint.Property(EndpointProperty.Port)}")),
            new("Username", Definition.UserNameReference),
            new("Password", ReferenceExpression.Create($"{Definition.PasswordParameter}")),
            new("Uri", ConnectionStringExpression),
        ];
    }
}

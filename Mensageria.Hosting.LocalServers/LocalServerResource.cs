using Aspire.Hosting.ApplicationModel;

namespace Mensageria.Hosting.LocalServers;

/// <summary>
/// A server that Aspire runs as a container, run instead as a local process: an executable with the
/// container's name, endpoints and connection string. When the container runs after all (or an
/// existing server is given by connection string), this resource is not in the model and stands for
/// that one: its annotations and connection string are that resource's, as with Aspire's own
/// <c>RunAsContainer</c> resources.
/// </summary>
public abstract class LocalServerResource(string name, string command, string dataDirectory)
    : ExecutableResource(name, command, dataDirectory), IResourceWithConnectionString
{
    /// <summary>The resource in the model that runs instead of this process, or null when this process runs.</summary>
    public IResourceWithConnectionString? StandsFor { get; internal set; }

    /// <summary>The folder of the server's data and configuration, kept between runs.</summary>
    public string DataDirectory { get; } = dataDirectory;

    public override ResourceAnnotationCollection Annotations => StandsFor?.Annotations ?? base.Annotations;

    public EndpointReference PrimaryEndpoint => new(this, "tcp");

    public ReferenceExpression ConnectionStringExpression => StandsFor?.ConnectionStringExpression ?? ProcessConnectionString;

    /// <summary>The connection string of the local process, in the container's form.</summary>
    protected abstract ReferenceExpression ProcessConnectionString { get; }

    /// <summary>The connection properties of the local process, as the container names them.</summary>
    protected abstract IEnumerable<KeyValuePair<string, ReferenceExpression>> ProcessConnectionProperties();

    IEnumerable<KeyValuePair<string, ReferenceExpression>> IResourceWithConnectionString.GetConnectionProperties() =>
        StandsFor?.GetConnectionProperties() ?? ProcessConnectionProperties();

    protected ReferenceExpression Host => ReferenceExpression.Create($"{PrimaryEndpoint.Property(EndpointProperty.Host)}");

    protected ReferenceExpression Port => ReferenceExpression.Create($"{PrimaryEndpoint.Property(EndpointProperty.Port)}");
}

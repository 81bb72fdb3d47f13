using Aspire.Hosting.ApplicationModel;

namespace Mensageria.Hosting.LocalServers;

/// <summary>
/// A Redis server run from Debian's <c>redis-server</c> as a local process, offering what Aspire's
/// <see cref="RedisResource"/> offers: the same name, <c>tcp</c> endpoint, password and connection
/// string. When Aspire's container runs instead, or an existing server is given by connection string,
/// this resource is not in the model and stands for that one.
/// </summary>
public sealed class RedisServerProcessResource(string name, RedisResource definition, string dataDirectory)
    : ExecutableResource(name, Server, dataDirectory), IResourceWithConnectionString
{
    internal const string Server = "/usr/bin/redis-server";
    internal const string DebianPackage = "redis-server";

    /// <summary>Aspire's resource whose settings (password) this one runs with.</summary>
    public RedisResource Definition { get; } = definition;

    /// <summary>
    /// The resource in the model that runs instead of this process (Aspire's container, or an
    /// existing server's connection string), or null when this process runs.
    /// </summary>
    public IResourceWithConnectionString? StandsFor { get; init; }

    /// <summary>The folder of the server's append-only file and configuration, kept between runs.</summary>
    public string DataDirectory { get; } = dataDirectory;

    public override ResourceAnnotationCollection Annotations => StandsFor?.Annotations ?? base.Annotations;

    public EndpointReference PrimaryEndpoint => new(this, "tcp");

    public ReferenceExpression ConnectionStringExpression
    {
        get
        {
            if (StandsFor is not null)
            {
                return StandsFor.ConnectionStringExpression;
            }

            var builder = new ReferenceExpressionBuilder();
            builder.Append($"{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)}");
            if (Definition.PasswordParameter is { } password)
            {
                builder.Append($",password={password}");
            }

            return builder.Build();
        }
    }

    IEnumerable<KeyValuePair<string, ReferenceExpression>> IResourceWithConnectionString.GetConnectionProperties()
    {
        if (StandsFor is not null)
        {
            return StandsFor.GetConnectionProperties();
        }

        List<KeyValuePair<string, ReferenceExpression>> properties =
        [
            new("Host", ReferenceExpression.Create($"{PrimaryEndpoint.Property(EndpointProperty.Host)}")),
            new("Port", ReferenceExpression.Create($"{PrimaryEndpoint.Property(EndpointProperty.Port)}")),
        ];
        if (Definition.PasswordParameter is { } password)
        {
            properties.Add(new("Password", ReferenceExpression.Create($"{password}")));
        }

        return properties;
    }
}

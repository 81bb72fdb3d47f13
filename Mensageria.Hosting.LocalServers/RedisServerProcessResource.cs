using Aspire.Hosting.ApplicationModel;

namespace Mensageria.Hosting.LocalServers;

/// <summary>
/// A Redis server run from Debian's <c>redis-server</c> as a local process, offering what Aspire's
/// <see cref="RedisResource"/> offers: the same name, <c>tcp</c> endpoint, password and connection string.
/// </summary>
public sealed class RedisServerProcessResource(string name, RedisResource definition, string dataDirectory)
    : LocalServerResource(name, Server, dataDirectory)
{
    internal const string Server = "/usr/bin/redis-server";
    internal const string DebianPackage = "redis-server";

    /// <summary>Aspire's resource whose settings (password) this one runs with.</summary>
    public RedisResource Definition { get; } = definition;

    protected override ReferenceExpression ProcessConnectionString
    {
        get
        {
            var builder = new ReferenceExpressionBuilder();
            builder.Append($"{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)}");
            if (Definition.PasswordParameter is { } password)
            {
                builder.Append($",password={password}");
            }

            return builder.Build();
        }
    }

    protected override IEnumerable<KeyValuePair<string, ReferenceExpression>> ProcessConnectionProperties()
    {
        yield return new("Host", Host);
        yield return new("Port", Port);
        if (Definition.PasswordParameter is { } password)
        {
            yield return new("Password", ReferenceExpression.Create($"{password}"));
        }
    }
}

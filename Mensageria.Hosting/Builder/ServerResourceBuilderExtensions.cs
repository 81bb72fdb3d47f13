using Mensageria.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Mensageria.Hosting;

public static class ServerResourceBuilderExtensions
{
    /// <summary>
    /// A RabbitMQ broker named <paramref name="name"/>: a private node, or the existing broker given
    /// to the app host as <c>ConnectionStrings:{name}</c>.
    /// </summary>
    public static IResourceBuilder<RabbitMQServerResource> AddRabbitMQ(this DistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new RabbitMQServerResource(name, ExistingConnectionString(builder, name)));

    /// <summary>Turns on the broker's management plugin (UI and HTTP API) on a free port.</summary>
    public static IResourceBuilder<RabbitMQServerResource> WithManagementPlugin(this IResourceBuilder<RabbitMQServerResource> builder)
    {
        builder.Resource.ManagementEnabled = true;
        return builder;
    }

    /// <summary>A Redis server named <paramref name="name"/>: a private server, or the one given as <c>ConnectionStrings:{name}</c>.</summary>
    public static IResourceBuilder<RedisResource> AddRedis(this DistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new RedisResource(name, ExistingConnectionString(builder, name)));

    private static string? ExistingConnectionString(DistributedApplicationBuilder builder, string name) =>
        builder.Configuration.GetConnectionString(name) is { Length: > 0 } existing ? existing : null;
}

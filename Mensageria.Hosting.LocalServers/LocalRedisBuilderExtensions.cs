using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Mensageria.Hosting.LocalServers;

namespace Aspire.Hosting;

/// <summary>Runs Aspire's Redis resource as a local <c>redis-server</c> process where its container cannot run.</summary>
public static class LocalRedisBuilderExtensions
{
    /// <summary>
    /// In run mode, when <paramref name="policy"/> says so (by default: when no container runtime
    /// answers), replaces the Redis container with a local <c>redis-server</c>: same name, endpoint,
    /// password and connection string; append-only persistence in <c>LocalServers:DataDirectory</c>.
    /// Otherwise, and in publish mode, Aspire's container is used unchanged and the returned builder
    /// stands for it; with <c>ConnectionStrings:{name}</c> set, it stands for that existing server.
    /// </summary>
    public static IResourceBuilder<RedisServerProcessResource> RunAsLocalProcess(
        this IResourceBuilder<RedisResource> builder, LocalProcessPolicy policy = LocalProcessPolicy.WhenNoContainerRuntime)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var container = builder.Resource;
        return LocalServerBuilder.RunAsLocalProcess(
            builder,
            policy,
            folder => new RedisServerProcessResource(container.Name, container, folder),
            redis => new RedisServerProcessHealthCheck(redis),
            local =>
            {
                var port = LocalServerBuilder.Port(container, "tcp");
                return local
                    .WithEndpoint(port: port, targetPort: port, name: "tcp", scheme: "tcp", isProxied: false)
                    // The password is in the file, which only its owner reads, not on a command line `ps` shows.
                    .WithArgs(Path.Combine(local.Resource.DataDirectory, "redis.conf"), "--port", port.ToString(CultureInfo.InvariantCulture))
                    .OnBeforeResourceStarted((resource, _, cancellationToken) => WriteConfigurationAsync(resource, cancellationToken));
            });
    }

    private static async Task WriteConfigurationAsync(RedisServerProcessResource redis, CancellationToken cancellationToken)
    {
        await LocalExecutable.EnsureInstalledAsync(redis, RedisServerProcessResource.Server, RedisServerProcessResource.DebianPackage);
        var password = redis.Definition.PasswordParameter is { } parameter ? await parameter.GetValueAsync(cancellationToken) : null;
        var data = Directory.CreateDirectory(Path.Combine(redis.DataDirectory, "data")).FullName;
        List<string> lines =
        [
            "bind 127.0.0.1",
            "protected-mode yes",
            $"dir \"{data}\"",
            "appendonly yes",
            "save \"\"",
            "daemonize no",
            "logfile \"\"",
        ];
        if (password is not null)
        {
            lines.Add($"requirepass \"{password}\"");
        }

        await PrivateFile.WriteAllLinesAsync(Path.Combine(redis.DataDirectory, "redis.conf"), lines, cancellationToken);
    }
}

using Aspire.Hosting.ApplicationModel;
using Mensageria.Hosting.LocalServers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting;

/// <summary>Runs Aspire's Redis resource as a local <c>redis-server</c> process where its container cannot run.</summary>
public static class LocalRedisBuilderExtensions
{
    /// <summary>
    /// In run mode, when <paramref name="policy"/> says so (by default: when no container runtime
    /// answers), replaces the Redis container with a local <c>redis-server</c>: same name, endpoint,
    /// password and connection string; append-only persistence in <c>LocalServers:DataDirectory</c>.
    /// Otherwise, and in publish mode, Aspire's container is used unchanged and the returned builder
    /// stands for it.
    /// </summary>
    public static IResourceBuilder<RedisServerProcessResource> RunAsLocalProcess(
        this IResourceBuilder<RedisResource> builder, LocalProcessPolicy policy = LocalProcessPolicy.WhenNoContainerRuntime)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.ApplicationBuilder;
        var container = builder.Resource;
        if (LocalServerSettings.ExistingServer(app, container) is { } existing)
        {
            return app.CreateResourceBuilder(new RedisServerProcessResource(container.Name, container, app.AppHostDirectory) { StandsFor = existing });
        }

        if (!LocalServerSettings.RunsAsLocalProcess(app, policy))
        {
            return app.CreateResourceBuilder(new RedisServerProcessResource(container.Name, container, app.AppHostDirectory) { StandsFor = container });
        }

        app.Resources.Remove(container);
        var folder = LocalServerSettings.DataDirectory(app, container.Name);
        var redis = new RedisServerProcessResource(container.Name, container, folder);
        var healthCheckKey = $"{container.Name}_local_check";
        app.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheckKey, _ => new RedisServerProcessHealthCheck(redis), null, null));
        // Not behind DCP's proxy: a client of a stopped server is refused at once instead of connecting
        // to a proxy with nothing behind it, and no command pays for an extra hop.
        var port = container.Annotations.OfType<EndpointAnnotation>().FirstOrDefault(e => e.Name == "tcp")?.Port ?? FreePort.Next();

        return app.AddResource(redis)
            .WithEndpoint(port: port, targetPort: port, name: "tcp", scheme: "tcp", isProxied: false)
            // The password is in the file, which only its owner reads, not on a command line `ps` shows.
            .WithArgs(Path.Combine(folder, "redis.conf"), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithHealthCheck(healthCheckKey)
            .OnBeforeResourceStarted((resource, _, cancellationToken) => WriteConfigurationAsync(resource, cancellationToken));
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

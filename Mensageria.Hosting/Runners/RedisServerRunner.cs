using System.Collections.Immutable;
using Mensageria.Hosting.ApplicationModel;
using Mensageria.Hosting.Processes;
using Mensageria.Hosting.State;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mensageria.Hosting.Runners;

/// <summary>Runs a private <c>redis-server</c> with a generated password and append-only persistence in the state directory.</summary>
internal sealed class RedisServerRunner(RedisResource redis, RunnerContext context) : ResourceRunner(redis, context)
{
    internal const string Server = "/usr/bin/redis-server";

    public override ImmutableSortedDictionary<string, string> Endpoints =>
        redis.IsExternal
            ? ImmutableSortedDictionary<string, string>.Empty
            : ImmutableSortedDictionary<string, string>.Empty.Add("tcp", $"tcp://127.0.0.1:{redis.Port}");

    public override void CheckPrerequisites()
    {
        if (!redis.IsExternal && !File.Exists(Server))
        {
            throw new ResourceStartException(
                $"'{redis.Name}' needs Redis, and {Server} is not installed. Install the Debian package: " +
                "sudo apt-get install redis-server (or give an existing server as ConnectionStrings__" + redis.Name + ").");
        }
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var replicaId = $"{redis.Name}-0";
        if (redis.IsExternal || IsRunning(replicaId))
        {
            return Task.CompletedTask;
        }

        var folder = Context.State.ForResource(redis.Name);
        var config = Path.Combine(folder, "redis.conf");
        // The password lives in a file only its owner reads, not on a command line that `ps` shows.
        PrivateFile.WriteAllLines(config,
        [
            $"port {redis.Port}",
            "bind 127.0.0.1",
            "protected-mode yes",
            $"requirepass \"{redis.Password}\"",
            $"dir \"{Context.State.ForResource(redis.Name, "data")}\"",
            "appendonly yes",
            "save \"\"",
            "daemonize no",
            "logfile \"\"",
        ]);
        Launch(new ProcessSpec(replicaId, Server, [config], folder, new Dictionary<string, string>()));
        return Task.CompletedTask;
    }

    public override Task<HealthCheckResult> CheckHealthAsync(CancellationToken cancellationToken) =>
        RedisReadiness.CheckAsync(redis.ConnectionString, cancellationToken);
}

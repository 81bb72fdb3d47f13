using System.Globalization;
using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Mensageria.Tests.Infrastructure;

/// <summary>
/// What tests do to a running app's resources, through Aspire's own services: commands
/// (stop, start) as the dashboard sends them, and notifications for every instance (replica).
/// </summary>
internal static partial class AppResources
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    public static IResource Resource(this DistributedApplication app, string name) =>
        app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == name);

    public static async Task<string> GetRequiredConnectionStringAsync(this DistributedApplication app, string name, CancellationToken cancellationToken) =>
        await app.GetConnectionStringAsync(name, cancellationToken) ?? throw new InvalidOperationException($"'{name}' has no connection string.");

    /// <summary>The latest snapshot of each instance of a resource (one per replica), by instance id.</summary>
    public static IReadOnlyDictionary<string, CustomResourceSnapshot> Instances(this DistributedApplication app, string name) =>
        ResourceInstances.Of(app).For(app.Resource(name));

    /// <summary>The process DCP started for an instance (for a project: <c>dotnet run</c>, whose child is the service).</summary>
    public static int Pid(this CustomResourceSnapshot snapshot) =>
        snapshot.Properties.SingleOrDefault(p => p.Name == "executable.pid")?.Value is { } pid
            ? Convert.ToInt32(pid, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException("The instance has no process.");

    public static string? StateText(this CustomResourceSnapshot snapshot) => snapshot.State?.Text;

    public static bool IsStopped(this CustomResourceSnapshot snapshot) =>
        snapshot.StateText() is { } state && KnownResourceStates.TerminalStates.Contains(state);

    public static bool IsHealthy(this CustomResourceSnapshot snapshot) =>
        snapshot.StateText() == KnownResourceStates.Running && snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy;

    public static Task WaitForHealthyAsync(this DistributedApplication app, string name, TimeSpan timeout, CancellationToken cancellationToken) =>
        app.WaitForInstancesAsync(name, IsHealthy, "healthy", timeout, cancellationToken);

    /// <summary>Stops every instance of a resource, as the dashboard's stop button does, and waits until they have stopped.</summary>
    public static async Task StopResourceAsync(this DistributedApplication app, string name, CancellationToken cancellationToken)
    {
        await app.ExecuteAsync(name, KnownResourceCommands.StopCommand, cancellationToken);
        await app.WaitForInstancesAsync(name, IsStopped, "stopped", Timeout, cancellationToken);
    }

    /// <summary>Starts every instance of a stopped resource, as the dashboard's start button does.</summary>
    public static Task StartResourceAsync(this DistributedApplication app, string name, CancellationToken cancellationToken) =>
        app.ExecuteAsync(name, KnownResourceCommands.StartCommand, cancellationToken);

    /// <summary>Kills one instance's service process with SIGKILL, as a crash would.</summary>
    public static int KillInstance(this DistributedApplication app, string instanceId)
    {
        var name = app.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .Single(r => app.Instances(r.Name).ContainsKey(instanceId)).Name;
        var pid = ProcessProbe.Service(app.Instances(name)[instanceId].Pid());
        ProcessProbe.Kill(pid);
        return pid;
    }

    /// <summary>Starts one stopped instance (replica) of a resource.</summary>
    public static async Task StartInstanceAsync(this DistributedApplication app, string instanceId, CancellationToken cancellationToken)
    {
        var result = await app.ResourceCommands.ExecuteCommandAsync(instanceId, KnownResourceCommands.StartCommand, cancellationToken);
        if (!result.Success)
        {
            throw new InvalidOperationException($"Starting '{instanceId}' failed: {result.Message}");
        }
    }

    /// <summary>Waits until every instance of a resource satisfies <paramref name="predicate"/>, and returns their snapshots.</summary>
    public static Task<IReadOnlyDictionary<string, CustomResourceSnapshot>> WaitForInstancesAsync(
        this DistributedApplication app, string name, Func<CustomResourceSnapshot, bool> predicate, string description, TimeSpan timeout, CancellationToken cancellationToken) =>
        app.WaitForAsync(name, [.. app.Instances(name).Keys], predicate, description, timeout, cancellationToken);

    /// <summary>Waits until one instance (replica) satisfies <paramref name="predicate"/>, and returns its snapshot.</summary>
    public static async Task<CustomResourceSnapshot> WaitForInstanceAsync(
        this DistributedApplication app, string instanceId, Func<CustomResourceSnapshot, bool> predicate, string description, TimeSpan timeout, CancellationToken cancellationToken) =>
        (await app.WaitForAsync(instanceId, [instanceId], predicate, description, timeout, cancellationToken))[instanceId];

    /// <summary>Waits until any instance of a resource has written a console line containing <paramref name="text"/>.</summary>
    public static async Task WaitForLogAsync(this DistributedApplication app, string name, string text, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        async Task<bool> WatchAsync(string instanceId)
        {
            await foreach (var batch in logs.WatchAsync(instanceId).WithCancellation(limit.Token))
            {
                if (batch.Any(line => line.Content.Contains(text, StringComparison.Ordinal)))
                {
                    return true;
                }
            }

            return false;
        }

        try
        {
            var watches = app.Instances(name).Keys.Select(WatchAsync).ToList();
            while (watches.Count > 0)
            {
                var finished = await Task.WhenAny(watches);
                if (await finished)
                {
                    await limit.CancelAsync();
                    return;
                }

                watches.Remove(finished);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }

        throw new TimeoutException($"'{name}' did not log '{text}' within {timeout}.");
    }

    private static async Task<IReadOnlyDictionary<string, CustomResourceSnapshot>> WaitForAsync(
        this DistributedApplication app, string name, string[] instanceIds, Func<CustomResourceSnapshot, bool> predicate, string description, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var ids = instanceIds.ToHashSet(StringComparer.Ordinal);
        var latest = new Dictionary<string, CustomResourceSnapshot>(StringComparer.Ordinal);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await foreach (var update in app.ResourceNotifications.WatchAsync(limit.Token))
            {
                if (ids.Contains(update.ResourceId))
                {
                    latest[update.ResourceId] = update.Snapshot;
                    if (latest.Count == ids.Count && latest.Values.All(predicate))
                    {
                        return latest;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }

        var states = string.Join(", ", latest.Select(i => $"{i.Key}: {i.Value.StateText()} ({i.Value.HealthStatus})"));
        var behind = await Task.WhenAll(ids.Where(id => !latest.TryGetValue(id, out var snapshot) || !predicate(snapshot))
            .Select(id => app.LastConsoleLinesAsync(id, latest.GetValueOrDefault(id))));
        throw new TimeoutException($"'{name}' was not {description} within {timeout}: {states}{string.Concat(behind)}");
    }

    /// <summary>
    /// What an instance that kept a test waiting last wrote to its console, with its exit code: the
    /// test run keeps no console, so a failure has to say why a replica stopped or never got well.
    /// </summary>
    private static async Task<string> LastConsoleLinesAsync(this DistributedApplication app, string instanceId, CustomResourceSnapshot? snapshot)
    {
        const int Count = 30;
        var lines = new Queue<string>(Count);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await foreach (var batch in app.Services.GetRequiredService<ResourceLoggerService>().GetAllAsync(instanceId).WithCancellation(limit.Token))
            {
                foreach (var line in batch)
                {
                    if (lines.Count == Count)
                    {
                        lines.Dequeue();
                    }

                    lines.Enqueue(AnsiColor().Replace(line.Content, ""));
                }
            }
        }
        catch (OperationCanceledException)
        {
            lines.Enqueue("(its console could not be read in 10 s)");
        }

        var exit = snapshot?.ExitCode is { } code ? $", exit code {code}" : "";
        return $"{Environment.NewLine}{instanceId}{exit}, its last console lines:{Environment.NewLine}  {string.Join($"{Environment.NewLine}  ", lines)}";
    }

    [GeneratedRegex(@"\x1B\[[0-9;]*m")]
    private static partial Regex AnsiColor();

    private static async Task ExecuteAsync(this DistributedApplication app, string name, string command, CancellationToken cancellationToken)
    {
        var result = await app.ResourceCommands.ExecuteCommandAsync(app.Resource(name), command, cancellationToken);
        if (!result.Success)
        {
            throw new InvalidOperationException($"'{command}' on '{name}' failed: {result.Message}");
        }
    }
}

using Mensageria.Hosting.ApplicationModel;
using Mensageria.Hosting.Runners;

namespace Mensageria.Hosting.Lifecycle;

/// <summary>
/// What a person may do to a running application's resources (the dashboard's stop, start and
/// restart buttons), and what each replica was started with.
/// </summary>
public sealed class ResourceCommandService
{
    private readonly ApplicationOrchestrator _orchestrator;
    private readonly IReadOnlyList<ResourceRunner> _runners;
    private readonly RunnerContext _context;

    internal ResourceCommandService(ApplicationOrchestrator orchestrator, IReadOnlyList<ResourceRunner> runners, RunnerContext context) =>
        (_orchestrator, _runners, _context) = (orchestrator, runners, context);

    public Task StopAsync(string resourceName, CancellationToken cancellationToken) =>
        _orchestrator.StopResourceAsync(resourceName, cancellationToken);

    public Task StartAsync(string resourceName, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _orchestrator.StartResourceAsync(resourceName);
    }

    public async Task RestartAsync(string resourceName, CancellationToken cancellationToken)
    {
        await StopAsync(resourceName, cancellationToken);
        await StartAsync(resourceName, cancellationToken);
    }

    /// <summary>
    /// Each replica's variables, secrets included (whoever shows them masks them): a project's from
    /// <see cref="ProjectEnvironment"/>, a server's connection string as its clients receive it.
    /// </summary>
    public IReadOnlyList<ReplicaEnvironment> GetEnvironment(string resourceName)
    {
        var resource = _runners.FirstOrDefault(r => r.Resource.Name == resourceName)?.Resource
            ?? throw new ArgumentException($"There is no resource named '{resourceName}'.", nameof(resourceName));
        return resource switch
        {
            ProjectResource project => [.. Enumerable.Range(0, project.Replicas).Select(i => new ReplicaEnvironment(
                project.ReplicaId(i), ProjectEnvironment.For(project, i, _context.EnvironmentName, _context.Telemetry)))],
            IResourceWithConnectionString server => [new ReplicaEnvironment(
                $"{server.Name}-0", new Dictionary<string, string> { [$"ConnectionStrings__{server.Name}"] = server.ConnectionString })],
            _ => [],
        };
    }
}

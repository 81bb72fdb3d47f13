using System.Collections.Immutable;
using Mensageria.Hosting.ApplicationModel;
using Mensageria.Hosting.Processes;
using Mensageria.Hosting.State;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mensageria.Hosting.Runners;

/// <summary>Runs each replica of a project from its build output, with the variables of <see cref="ProjectEnvironment"/>.</summary>
internal sealed class ProjectRunner(ProjectResource project, RunnerContext context) : ResourceRunner(project, context)
{
    public override ImmutableSortedDictionary<string, string> Endpoints =>
        project.Replicas == 1
            ? ImmutableSortedDictionary<string, string>.Empty.Add("http", project.HttpUrl(0))
            : Enumerable.Range(0, project.Replicas).ToImmutableSortedDictionary(i => $"http-{i}", project.HttpUrl, StringComparer.Ordinal);

    public override void CheckPrerequisites()
    {
        if (!File.Exists(project.Metadata.AssemblyPath))
        {
            throw new ResourceStartException(
                $"'{project.Name}' has no build output at {project.Metadata.AssemblyPath}. Build the solution first: dotnet build Mensageria.sln");
        }

        if (project.FixedHttpPort is { } port && project.ReplicaPorts.Contains(port) && !PortAllocator.IsFree(port))
        {
            throw new ResourceStartException(
                $"'{project.Name}' serves on port {port}, which another process is using (another Mensageria app host?). " +
                $"Stop that process, or choose another port in the app host's WithHttpEndpoint(port: …).");
        }
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // The native launcher beside the assembly names the process after the project (`ps` shows
        // Mensageria.Api, not dotnet); fall back to `dotnet app.dll` where there is none.
        var assembly = project.Metadata.AssemblyPath;
        var launcher = Path.ChangeExtension(assembly, null);
        var (fileName, arguments) = File.Exists(launcher) ? (launcher, Array.Empty<string>()) : ("dotnet", new[] { assembly });
        var workingDirectory = Path.GetDirectoryName(project.Metadata.ProjectPath)!;

        for (var i = 0; i < project.Replicas; i++)
        {
            var replicaId = project.ReplicaId(i);
            if (!IsRunning(replicaId))
            {
                var environment = ProjectEnvironment.For(project, i, Context.EnvironmentName, Context.Telemetry);
                Launch(new ProcessSpec(replicaId, fileName, arguments, workingDirectory, environment), project.HttpUrl(i));
            }
        }

        return Task.CompletedTask;
    }

    public override async Task<HealthCheckResult> CheckHealthAsync(CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, project.Replicas).Select(async i =>
            (Id: project.ReplicaId(i), Result: IsRunning(project.ReplicaId(i))
                ? await HttpHealthProbe.CheckAsync(project.HttpUrl(i), cancellationToken)
                : HealthCheckResult.Unhealthy("not running"))));
        var failing = results.Where(r => r.Result.Status != HealthStatus.Healthy).ToList();
        return failing.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy(string.Join("; ", failing.Select(f => $"{f.Id}: {f.Result.Description}")));
    }
}

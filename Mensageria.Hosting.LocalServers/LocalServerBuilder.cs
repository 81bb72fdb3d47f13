using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mensageria.Hosting.LocalServers;

/// <summary>What running any container as a local process takes: the choice, the swap in the model, and the health check.</summary>
internal static class LocalServerBuilder
{
    /// <summary>
    /// Makes the local resource (<paramref name="create"/> given its data folder). If an existing
    /// server or the container runs instead, it only stands for that one; otherwise it replaces the
    /// container in the model, with <paramref name="healthCheck"/>, and <paramref name="configure"/> runs.
    /// </summary>
    public static IResourceBuilder<TLocal> RunAsLocalProcess<TContainer, TLocal>(
        IResourceBuilder<TContainer> builder,
        LocalProcessPolicy policy,
        Func<string, TLocal> create,
        Func<TLocal, IHealthCheck> healthCheck,
        Func<IResourceBuilder<TLocal>, IResourceBuilder<TLocal>> configure)
        where TContainer : ContainerResource, IResourceWithConnectionString
        where TLocal : LocalServerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.ApplicationBuilder;
        var container = builder.Resource;
        var standIn = LocalServerSettings.ReplaceWithExistingServer(app, container)
            ?? (LocalServerSettings.RunsAsLocalProcess(app, policy) ? null : container);
        if (standIn is not null)
        {
            var facade = create(app.AppHostDirectory);
            facade.StandsFor = standIn;
            return app.CreateResourceBuilder(facade);
        }

        app.Resources.Remove(container);
        return configure(Add(app, create(LocalServerSettings.DataDirectory(app, container.Name)), healthCheck));
    }

    /// <summary>Adds a local server to the model with its health check.</summary>
    public static IResourceBuilder<TLocal> Add<TLocal>(IDistributedApplicationBuilder app, TLocal local, Func<TLocal, IHealthCheck> healthCheck)
        where TLocal : LocalServerResource
    {
        var healthCheckKey = $"{local.Name}_local_check";
        app.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheckKey, _ => healthCheck(local), null, null));
        return app.AddResource(local).WithHealthCheck(healthCheckKey);
    }

    /// <summary>
    /// The port the container's endpoint asks for, or a free one: the local servers are not behind DCP's
    /// proxy, so a client of a stopped server is refused at once instead of reaching a proxy with
    /// nothing behind it, and no message pays for the extra hop.
    /// </summary>
    public static int Port(IResource container, string endpoint) =>
        container.Annotations.OfType<EndpointAnnotation>().FirstOrDefault(e => e.Name == endpoint)?.Port ?? FreePort.Next();
}

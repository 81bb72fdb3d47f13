using Mensageria.Hosting.ApplicationModel;

namespace Mensageria.Hosting;

public static class ResourceBuilderExtensions
{
    /// <summary>Gives the project <c>ConnectionStrings__{name}</c> of the server.</summary>
    public static IResourceBuilder<ProjectResource> WithReference(
        this IResourceBuilder<ProjectResource> builder, IResourceBuilder<IResourceWithConnectionString> server)
    {
        builder.Resource.References.Add(server.Resource);
        return builder;
    }

    /// <summary>Gives the project <c>services__{name}__http__{i}</c> of every replica of the service, for service discovery.</summary>
    public static IResourceBuilder<ProjectResource> WithReference(
        this IResourceBuilder<ProjectResource> builder, IResourceBuilder<ProjectResource> service)
    {
        builder.Resource.References.Add(service.Resource);
        return builder;
    }

    /// <summary>Starts the resource only once <paramref name="dependency"/> runs and its health check passes.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : IResource
    {
        if (ReferenceEquals(builder.Resource, dependency.Resource))
        {
            throw new InvalidOperationException($"{builder.Resource} cannot wait for itself.");
        }

        builder.Resource.WaitsFor.Add(dependency.Resource);
        return builder;
    }
}

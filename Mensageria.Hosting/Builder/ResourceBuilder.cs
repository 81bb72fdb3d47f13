using Mensageria.Hosting.ApplicationModel;

namespace Mensageria.Hosting;

internal sealed record ResourceBuilder<T>(T Resource, DistributedApplicationBuilder ApplicationBuilder) : IResourceBuilder<T>
    where T : IResource;

using Mensageria.Hosting.ApplicationModel;

namespace Mensageria.Hosting;

/// <summary>A resource being described, and the application it belongs to, for fluent <c>With…</c> calls.</summary>
public interface IResourceBuilder<out T> where T : IResource
{
    T Resource { get; }

    DistributedApplicationBuilder ApplicationBuilder { get; }
}

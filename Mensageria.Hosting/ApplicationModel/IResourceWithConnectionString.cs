namespace Mensageria.Hosting.ApplicationModel;

/// <summary>A server whose clients find it through <c>ConnectionStrings__{name}</c>.</summary>
public interface IResourceWithConnectionString : IResource
{
    string ConnectionString { get; }
}

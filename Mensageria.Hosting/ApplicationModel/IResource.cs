namespace Mensageria.Hosting.ApplicationModel;

/// <summary>Anything the application model starts, waits for or references.</summary>
public interface IResource
{
    string Name { get; }

    /// <summary>What kind of thing this is, as shown to people ("RabbitMQ", "Project").</summary>
    string Type { get; }

    /// <summary>Resources that must be healthy before this one starts (<c>WaitFor</c>).</summary>
    IList<IResource> WaitsFor { get; }
}

namespace Mensageria.Hosting.ApplicationModel;

/// <summary>A .NET project of this solution, started from its build output, one process per replica.</summary>
public sealed class ProjectResource(string name, IProjectMetadata metadata) : Resource(name)
{
    public override string Type => "Project";

    public IProjectMetadata Metadata { get; } = metadata;

    public int Replicas { get; internal set; } = 1;

    /// <summary>A port chosen by the app model's author (the web on 5080); otherwise a free one.</summary>
    public int? FixedHttpPort { get; internal set; }

    /// <summary>Servers and services this project is told about, in the order they were added.</summary>
    public IList<IResource> References { get; } = [];

    /// <summary>Variables of the app model's author, given to every replica after the ones of <see cref="ProjectEnvironment"/>.</summary>
    public IDictionary<string, string> Environment { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The HTTP port of each replica, chosen when the application is built.</summary>
    public IReadOnlyList<int> ReplicaPorts { get; private set; } = [];

    public string ReplicaId(int index) => $"{Name}-{index}";

    public string HttpUrl(int index) => $"http://localhost:{ReplicaPorts[index]}";

    internal override void Allocate(AllocationContext context)
    {
        if (Replicas > 1 && FixedHttpPort is not null && !context.RandomizeFixedPorts)
        {
            throw new InvalidOperationException($"{this} has {Replicas} replicas and a fixed port {FixedHttpPort}: replicas need a port each.");
        }

        ReplicaPorts = [.. Enumerable.Range(0, Replicas).Select(_ => context.PortFor(FixedHttpPort))];
    }
}

using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Mensageria.Hosting.Lifecycle;

/// <summary>What is known about a resource at one moment; <c>resources.json</c> holds one per resource.</summary>
public sealed record ResourceSnapshot(string Name, string Type)
{
    public ResourceState State { get; init; } = ResourceState.Waiting;

    /// <summary><c>Healthy</c>, <c>Unhealthy</c>, or null while unknown.</summary>
    public string? Health { get; init; }

    /// <summary>Why it is unhealthy, failed to start or exited.</summary>
    public string? Reason { get; init; }

    public int? ExitCode { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public ImmutableSortedDictionary<string, string> Endpoints { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    public ImmutableArray<ReplicaSnapshot> Replicas { get; init; } = [];

    [JsonIgnore]
    public bool IsTerminal => State is ResourceState.Exited or ResourceState.FailedToStart;
}

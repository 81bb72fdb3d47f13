using Mensageria.Hosting.Lifecycle;

namespace Mensageria.Dashboard.Api;

/// <summary>A row of the resources page: the resource's snapshot and each replica's environment, secrets masked.</summary>
public sealed record ResourceView(
    string Name,
    string Type,
    string State,
    string? Health,
    string? Reason,
    int? ExitCode,
    DateTimeOffset? StartedAt,
    IReadOnlyDictionary<string, string> Endpoints,
    IReadOnlyList<ReplicaSnapshot> Replicas,
    IReadOnlyList<ReplicaEnvironment> Environment)
{
    public static ResourceView From(ResourceSnapshot snapshot, IReadOnlyList<ReplicaEnvironment> environment) => new(
        snapshot.Name,
        snapshot.Type,
        snapshot.State.ToString(),
        snapshot.Health,
        snapshot.Reason,
        snapshot.ExitCode,
        snapshot.StartedAt,
        snapshot.Endpoints,
        snapshot.Replicas,
        [.. environment.Select(e => e with
        {
            Variables = e.Variables.OrderBy(v => v.Key, StringComparer.Ordinal)
                .ToDictionary(v => v.Key, v => SecretMask.Apply(v.Key, v.Value), StringComparer.Ordinal),
        })]);
}

namespace Mensageria.Hosting.Lifecycle;

/// <summary>The variables one replica (<c>worker-1</c>) was started with.</summary>
public sealed record ReplicaEnvironment(string ReplicaId, IReadOnlyDictionary<string, string> Variables);

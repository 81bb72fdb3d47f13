namespace Mensageria.Hosting.Lifecycle;

/// <summary>One process of a resource: its id (<c>worker-1</c>), pid, URL and exit code once it exited.</summary>
public sealed record ReplicaSnapshot(string Id, int? Pid, string? Url, int? ExitCode);

namespace Mensageria.Hosting.Lifecycle;

/// <summary>A resource exited or failed to start while something waited for it.</summary>
public sealed class ResourceFailedException(ResourceSnapshot snapshot, string awaited, string lastOutput)
    : Exception(
        $"'{snapshot.Name}' will not become {awaited}: it is {snapshot.State}" +
        (snapshot.ExitCode is { } code ? $" with exit code {code}" : "") +
        (snapshot.Reason is null ? "" : $" ({snapshot.Reason})") +
        $". Its last output:{Environment.NewLine}{lastOutput}")
{
    public ResourceSnapshot Snapshot { get; } = snapshot;
}

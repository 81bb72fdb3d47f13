using System.Text.Json;
using Mensageria.Hosting.State;

namespace Mensageria.Hosting.Lifecycle;

/// <summary>
/// Keeps <c>resources.json</c> in the state directory equal to the current snapshots, so scripts
/// (and the command-line client) can find every resource's state, endpoints and pids. Written to a
/// temporary file and renamed, so a reader never sees half a file.
/// </summary>
internal sealed class ResourcesFileWriter : IDisposable
{
    private readonly Lock _gate = new();
    private readonly string _path;
    private readonly ResourceNotificationService _notifications;

    public ResourcesFileWriter(StateDirectory state, ResourceNotificationService notifications)
    {
        _path = state.ResourcesFile;
        _notifications = notifications;
        notifications.Changed += OnChanged;
    }

    /// <summary>Stops writing: the application is gone, and its state directory may be deleted next.</summary>
    public void Dispose() => _notifications.Changed -= OnChanged;

    private void OnChanged(ResourceSnapshot current, ResourceSnapshot? previous) => Write();

    private void Write()
    {
        lock (_gate)
        {
            var temporary = _path + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(_notifications.Snapshots, HostingJsonContext.Default.IReadOnlyListResourceSnapshot));
            File.Move(temporary, _path, overwrite: true);
        }
    }
}

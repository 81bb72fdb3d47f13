namespace Mensageria.Tests.Infrastructure;

/// <summary>
/// The folder under which every test app keeps its servers' data, one subfolder per app, deleted
/// when the test run ends (its apps are disposed by then).
/// </summary>
public sealed class TestDataRoot : IDisposable
{
    private static readonly string s_path = Path.Combine(Path.GetTempPath(), "mensageria-tests", $"run-{Environment.ProcessId}");

    /// <summary>A new, empty folder for one app's servers.</summary>
    public static string NewAppFolder() => Directory.CreateDirectory(Path.Combine(s_path, Guid.NewGuid().ToString("N")[..12])).FullName;

    public void Dispose()
    {
        // A disposed app's servers may still be finishing their shutdown (RabbitMQ writes its quorum queues'
        // snapshots as it stops): wait for their last writes rather than race them.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (Directory.Exists(s_path))
        {
            try
            {
                Directory.Delete(s_path, recursive: true);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(500);
            }
        }
    }
}

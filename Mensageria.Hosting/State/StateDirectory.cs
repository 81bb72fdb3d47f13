namespace Mensageria.Hosting.State;

/// <summary>
/// The folder an application keeps between runs: server data, generated secrets, the process
/// ledger and <c>resources.json</c>. Default <c>.mensageria/</c> beside the solution;
/// <c>MENSAGERIA_STATE_DIR</c> overrides it.
/// </summary>
public sealed class StateDirectory
{
    public const string EnvironmentVariable = "MENSAGERIA_STATE_DIR";

    public StateDirectory(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(Path);
        Secrets = new SecretStore(System.IO.Path.Combine(Path, "secrets.json"));
    }

    public string Path { get; }

    public SecretStore Secrets { get; }

    public string ResourcesFile => System.IO.Path.Combine(Path, "resources.json");

    public string ProcessLedgerFile => System.IO.Path.Combine(Path, "processes.json");

    /// <summary>
    /// Claims the folder for one running app host: a second one on the same folder would take the
    /// first one's processes for leftovers and stop them. Released by disposal, or by the kernel when
    /// the holder dies.
    /// </summary>
    public IDisposable Claim()
    {
        try
        {
            return new FileStream(System.IO.Path.Combine(Path, "apphost.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new Lifecycle.DistributedApplicationException(
                $"Another app host is running with the state directory {Path}. Stop it first, " +
                $"or give this one a folder of its own with {EnvironmentVariable}=/some/other/folder.");
        }
    }

    /// <summary>A resource's own folder, created on first use.</summary>
    public string ForResource(string resourceName, params string[] parts)
    {
        var folder = System.IO.Path.Combine([Path, resourceName, .. parts]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>
    /// The default location: <c>.mensageria</c> in the nearest folder, from
    /// <paramref name="startDirectory"/> upwards, that holds a solution file.
    /// </summary>
    public static string DefaultPath(string startDirectory)
    {
        for (var folder = new DirectoryInfo(startDirectory); folder is not null; folder = folder.Parent)
        {
            if (folder.EnumerateFiles("*.sln").Any() || folder.EnumerateFiles("*.slnx").Any())
            {
                return System.IO.Path.Combine(folder.FullName, ".mensageria");
            }
        }

        return System.IO.Path.Combine(startDirectory, ".mensageria");
    }
}

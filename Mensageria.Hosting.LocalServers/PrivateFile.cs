namespace Mensageria.Hosting.LocalServers;

/// <summary>Writes a file that holds a secret so that only its owner can read it.</summary>
internal static class PrivateFile
{
    public static async Task WriteAllLinesAsync(string path, IEnumerable<string> lines, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var stream = new FileStream(path, options);
        if (!OperatingSystem.IsWindows())
        {
            // An existing file keeps its mode on open: make it private too.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        await using var writer = new StreamWriter(stream);
        foreach (var line in lines)
        {
            await writer.WriteLineAsync(line.AsMemory(), cancellationToken);
        }
    }
}

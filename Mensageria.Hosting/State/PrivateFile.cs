namespace Mensageria.Hosting.State;

/// <summary>Files that hold secrets (passwords in server configs): readable by their owner only.</summary>
internal static class PrivateFile
{
    public static void WriteAllLines(string path, IEnumerable<string> lines)
    {
        // Write to a fresh temporary file, restrict it, then rename: the secret is never world-readable.
        var temporary = path + ".tmp";
        File.WriteAllLines(temporary, lines);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, path, overwrite: true);
    }
}

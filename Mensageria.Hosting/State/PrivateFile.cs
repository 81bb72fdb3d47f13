namespace Mensageria.Hosting.State;

/// <summary>Files that hold secrets (passwords in server configs): readable by their owner only.</summary>
internal static class PrivateFile
{
    public static void WriteAllLines(string path, IEnumerable<string> lines)
    {
        // Create the temporary file owner-only from the start, then rename: the secret is never readable by others.
        var temporary = path + ".tmp";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, options))
        {
            foreach (var line in lines)
            {
                writer.WriteLine(line);
            }
        }

        File.Move(temporary, path, overwrite: true);
    }
}

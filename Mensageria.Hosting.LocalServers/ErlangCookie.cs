using System.Security.Cryptography;
using System.Text;

namespace Mensageria.Hosting.LocalServers;

/// <summary>
/// The secret Erlang nodes must share to talk to each other (RabbitMQ's nodes and its command-line tools):
/// written once, before any node starts, so that nodes started together never each make their own.
/// </summary>
internal static class ErlangCookie
{
    public static async Task EnsureAsync(string home, CancellationToken cancellationToken)
    {
        var path = Path.Combine(home, ".erlang.cookie");
        if (File.Exists(path))
        {
            return;
        }

        // Erlang refuses a cookie file that others can read. Moved into place whole, so no node reads half of one.
        var written = Path.Combine(home, Path.GetRandomFileName());
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead;
        }

        await using (var stream = new FileStream(written, options))
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 32)), cancellationToken);
        }

        try
        {
            File.Move(written, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another node of the cluster wrote it first.
            File.Delete(written);
        }
    }
}

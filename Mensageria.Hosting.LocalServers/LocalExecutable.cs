using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Mensageria.Hosting.LocalServers;

/// <summary>Fails a local server's start with what to install when its program is missing.</summary>
internal static class LocalExecutable
{
    public static Task EnsureInstalledAsync(IResource resource, string path, string debianPackage) =>
        File.Exists(path)
            ? Task.CompletedTask
            : throw new DistributedApplicationException(
                $"'{resource.Name}' runs {path}, which is not installed. Install the Debian package: sudo apt-get install {debianPackage} " +
                "(or run where a container runtime answers, and Aspire's container is used instead).");
}

using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Mensageria.Hosting.LocalServers;

/// <summary>
/// The app host's settings for local servers: <c>LocalServers:Policy</c> overrides the policy the
/// code asks for, and <c>LocalServers:DataDirectory</c> moves every server's data (default
/// <c>.local-servers/</c> beside the app host project, kept between runs).
/// </summary>
internal static class LocalServerSettings
{
    public const string PolicyKey = "LocalServers:Policy";
    public const string DataDirectoryKey = "LocalServers:DataDirectory";

    public static bool RunsAsLocalProcess(IDistributedApplicationBuilder builder, LocalProcessPolicy requested)
    {
        if (!builder.ExecutionContext.IsRunMode)
        {
            return false;
        }

        var policy = builder.Configuration[PolicyKey] is { Length: > 0 } configured
            ? Enum.Parse<LocalProcessPolicy>(configured, ignoreCase: true)
            : requested;
        return policy switch
        {
            LocalProcessPolicy.Always => true,
            LocalProcessPolicy.Never => false,
            _ => !ContainerRuntimeProbe.IsHealthy(builder.Configuration),
        };
    }

    /// <summary>
    /// An existing server given to the app host as <c>ConnectionStrings:{name}</c>, as Aspire's
    /// <c>AddConnectionString</c> takes it: it replaces the container (or process) in the model.
    /// </summary>
    public static IResourceWithConnectionString? ReplaceWithExistingServer(IDistributedApplicationBuilder builder, IResource container)
    {
        if (builder.Configuration.GetConnectionString(container.Name) is not { Length: > 0 })
        {
            return null;
        }

        builder.Resources.Remove(container);
        return builder.AddConnectionString(container.Name).Resource;
    }

    /// <summary>The resource's own data folder, created on first use.</summary>
    public static string DataDirectory(IDistributedApplicationBuilder builder, string resourceName) =>
        Directory.CreateDirectory(DataDirectoryPath(builder, resourceName)).FullName;

    /// <summary>Where the resource's data folder is, whether or not there is one.</summary>
    public static string DataDirectoryPath(IDistributedApplicationBuilder builder, string resourceName)
    {
        var root = builder.Configuration[DataDirectoryKey] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, builder.AppHostDirectory)
            : Path.Combine(builder.AppHostDirectory, ".local-servers");
        return Path.Combine(root, resourceName);
    }
}

using System.Reflection;

namespace Mensageria.Tests.Infrastructure;

/// <summary>Where the solution's programs that tests run as processes (the command line, the benchmarks, the app host) are built.</summary>
internal static class SolutionPrograms
{
    public static string Cli => Path("Mensageria.Cli");

    public static string Benchmarks => Path("Mensageria.Benchmarks");

    public static string AppHost => Path("Mensageria.AppHost");

    private static string Path(string project) =>
        typeof(SolutionPrograms).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == $"Program:{project}").Value
            ?? throw new InvalidOperationException($"The test assembly does not know where {project} is built.");
}

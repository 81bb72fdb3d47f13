using System.Reflection;
using Mensageria.Hosting.ApplicationModel;

namespace Mensageria.Hosting.Testing;

/// <summary>
/// Builds an app host's own application model for a test: its real entry point runs, so the test
/// starts exactly what <c>dotnet run --project Mensageria.AppHost</c> starts, but in a fresh
/// temporary state directory, on free ports, with output kept in memory instead of on the console.
/// </summary>
public static class DistributedApplicationTestingBuilder
{
    public static async Task<DistributedApplication> CreateAsync<TAppHost>(
        Action<DistributedApplicationOptions>? configure = null, CancellationToken cancellationToken = default)
        where TAppHost : IProjectMetadata, new()
    {
        var appHost = new TAppHost();
        var assembly = Assembly.Load(AssemblyName.GetAssemblyName(appHost.AssemblyPath));
        var entryPoint = assembly.EntryPoint
            ?? throw new InvalidOperationException($"{appHost.AssemblyPath} has no entry point: is it an app host?");

        var options = new DistributedApplicationOptions
        {
            StateDirectory = Path.Combine(Path.GetTempPath(), "mensageria-tests", Guid.NewGuid().ToString("N")[..12]),
            DeleteStateDirectoryOnDispose = true,
            RandomizePorts = true,
            EchoResourceOutput = false,
            Args = ["--environment", "Development"],
        };
        configure?.Invoke(options);

        var session = new TestingSession(options, assembly);
        var previous = TestingSession.Current;
        TestingSession.Current = session;
        try
        {
            object?[] arguments = entryPoint.GetParameters().Length == 0 ? [] : [Array.Empty<string>()];
            if (entryPoint.Invoke(null, arguments) is Task completion)
            {
                await completion.WaitAsync(cancellationToken);
            }
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
        finally
        {
            TestingSession.Current = previous;
        }

        return session.Captured.IsCompleted
            ? await session.Captured
            : throw new InvalidOperationException($"{assembly.GetName().Name}'s entry point returned without running an application (it must end with builder.Build().Run()).");
    }
}

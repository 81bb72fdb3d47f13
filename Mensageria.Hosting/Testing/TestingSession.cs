using System.Reflection;

namespace Mensageria.Hosting.Testing;

/// <summary>
/// Set while a test runs an app host's entry point: the builder takes the test's options, and
/// <see cref="DistributedApplication.RunAsync"/> hands the built application over instead of running it.
/// </summary>
internal sealed class TestingSession(DistributedApplicationOptions options, Assembly appHostAssembly)
{
    private static readonly AsyncLocal<TestingSession?> s_current = new();
    private readonly TaskCompletionSource<DistributedApplication> _captured = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static TestingSession? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    public DistributedApplicationOptions Options { get; } = options;

    public Assembly AppHostAssembly { get; } = appHostAssembly;

    public Task<DistributedApplication> Captured => _captured.Task;

    public void Capture(DistributedApplication application) => _captured.TrySetResult(application);
}

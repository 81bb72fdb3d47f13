using Mensageria.Hosting.State;
using Mensageria.Tests.Infrastructure;

namespace Mensageria.Tests.Hosting;

public sealed class StateTests : IDisposable
{
    private readonly TemporaryDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Secrets_are_stable_per_state_directory_and_differ_between_directories()
    {
        var first = new StateDirectory(Path.Combine(_root.Path, "one"));
        var password = first.Secrets.GetOrCreate("messaging-password");

        var reopened = new StateDirectory(Path.Combine(_root.Path, "one"));
        var other = new StateDirectory(Path.Combine(_root.Path, "two"));

        Assert.Equal(password, reopened.Secrets.GetOrCreate("messaging-password"));
        Assert.NotEqual(password, other.Secrets.GetOrCreate("messaging-password"));
        Assert.NotEqual(password, first.Secrets.GetOrCreate("cache-password"));
        Assert.Equal(32, password.Length);
    }

    [Fact]
    public void The_secrets_file_is_readable_by_its_owner_only()
    {
        var state = new StateDirectory(_root.Path);
        state.Secrets.GetOrCreate("cache-password");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_root.Path, "secrets.json")));
    }

    [Fact]
    public void Free_ports_are_never_handed_out_twice_and_can_be_bound()
    {
        var ports = Enumerable.Range(0, 200).Select(_ => PortAllocator.GetFreePort()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports.Take(20), port => Assert.True(PortAllocator.IsFree(port)));
    }

    [Fact]
    public void The_default_state_directory_is_beside_the_solution()
    {
        var solution = Path.Combine(_root.Path, "repo");
        var project = Directory.CreateDirectory(Path.Combine(solution, "App", "bin")).FullName;
        File.WriteAllText(Path.Combine(solution, "App.sln"), "");

        Assert.Equal(Path.Combine(solution, ".mensageria"), StateDirectory.DefaultPath(project));
    }
}

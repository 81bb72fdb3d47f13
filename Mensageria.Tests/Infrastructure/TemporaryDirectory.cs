namespace Mensageria.Tests.Infrastructure;

internal sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("mensageria-unit-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

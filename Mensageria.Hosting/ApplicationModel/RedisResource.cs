namespace Mensageria.Hosting.ApplicationModel;

/// <summary>
/// A Redis server: a private <c>redis-server</c> run from the Debian package with append-only
/// persistence, or an existing server when <c>ConnectionStrings:{name}</c> is given to the app host.
/// </summary>
public sealed class RedisResource(string name, string? existingConnectionString) : Resource(name), IResourceWithConnectionString
{
    public override string Type => "Redis";

    public string? ExistingConnectionString { get; } = existingConnectionString;

    public bool IsExternal => ExistingConnectionString is not null;

    public string Password { get; private set; } = "";

    public int Port { get; private set; }

    public string ConnectionString => ExistingConnectionString ?? $"127.0.0.1:{Port},password={Password}";

    internal override void Allocate(AllocationContext context)
    {
        if (IsExternal)
        {
            return;
        }

        Password = context.State.Secrets.GetOrCreate($"{Name}-password");
        Port = context.PortFor(null);
    }
}

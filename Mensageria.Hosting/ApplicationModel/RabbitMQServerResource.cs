namespace Mensageria.Hosting.ApplicationModel;

/// <summary>
/// A RabbitMQ broker: a private <c>rabbitmq-server</c> node run from the Debian package, or an
/// existing broker when <c>ConnectionStrings:{name}</c> is given to the app host.
/// </summary>
public sealed class RabbitMQServerResource(string name, string? existingConnectionString) : Resource(name), IResourceWithConnectionString
{
    public const string UserName = "mensageria";

    public override string Type => "RabbitMQ";

    /// <summary>The connection string given to the app host, when the broker is not ours to run.</summary>
    public string? ExistingConnectionString { get; } = existingConnectionString;

    public bool IsExternal => ExistingConnectionString is not null;

    public bool ManagementEnabled { get; internal set; }

    public string Password { get; private set; } = "";

    public int AmqpPort { get; private set; }

    public int ManagementPort { get; private set; }

    public int DistributionPort { get; private set; }

    public int EpmdPort { get; private set; }

    public string NodeName => $"{Name}@localhost";

    public string ConnectionString => ExistingConnectionString
        ?? $"amqp://{Uri.EscapeDataString(UserName)}:{Uri.EscapeDataString(Password)}@127.0.0.1:{AmqpPort}";

    public string? ManagementUrl => ManagementEnabled && !IsExternal ? $"http://127.0.0.1:{ManagementPort}" : null;

    internal override void Allocate(AllocationContext context)
    {
        if (IsExternal)
        {
            return;
        }

        Password = context.State.Secrets.GetOrCreate($"{Name}-password");
        AmqpPort = context.PortFor(null);
        ManagementPort = context.PortFor(null);
        DistributionPort = context.PortFor(null);
        EpmdPort = context.PortFor(null);
    }
}

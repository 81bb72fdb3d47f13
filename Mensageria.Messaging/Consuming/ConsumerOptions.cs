namespace Mensageria.Messaging.Consuming;

/// <summary>How one consumer takes messages; bound from <c>Mensageria:Consumers:{queue}</c>.</summary>
public sealed class ConsumerOptions
{
    public const string ConfigurationSection = "Mensageria:Consumers";

    public string Queue { get; set; } = "";

    /// <summary>Unacked messages the broker sends ahead (basic.qos).</summary>
    public ushort Prefetch { get; set; } = 32;

    /// <summary>Messages handled at the same time by this consumer.</summary>
    public ushort Concurrency { get; set; } = 8;

    /// <summary>Tries in this process, with backoff, before the message goes back to the queue.</summary>
    public int Attempts { get; set; } = 3;

    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromMilliseconds(200);
}

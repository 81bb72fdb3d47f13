namespace Mensageria.Messaging.Consuming;

/// <summary>How one consumer takes messages; bound from <c>Mensageria:Consumers:{queue}</c>.</summary>
public sealed class ConsumerOptions
{
    public const string ConfigurationSection = "Mensageria:Consumers";

    public string Queue { get; set; } = "";

    /// <summary>Unacked messages the broker sends ahead (basic.qos).</summary>
    public ushort Prefetch { get; set; } = 64;

    /// <summary>
    /// Messages handled at the same time by this consumer. Measured (BENCHMARKS.md): at 8, two workers on two cores
    /// finished fewer orders than the API accepted, so a backlog formed at full speed; at 16 they keep up.
    /// </summary>
    public ushort Concurrency { get; set; } = 16;

    /// <summary>Tries in this process, with backoff, before the message goes back to the queue.</summary>
    public int Attempts { get; set; } = 3;

    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromMilliseconds(200);
}

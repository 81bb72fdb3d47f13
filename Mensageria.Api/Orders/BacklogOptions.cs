namespace Mensageria.Api.Orders;

/// <summary>When the API stops taking orders because too many wait for a worker; bound from <c>Mensageria:Orders</c>.</summary>
public sealed class BacklogOptions
{
    public const string ConfigurationSection = "Mensageria:Orders";

    /// <summary>
    /// Orders waiting in <c>orders.placed</c> (ready, not yet taken by a worker) past which new orders are answered
    /// 503 with Retry-After, so that the orders accepted are done within seconds rather than queued for minutes.
    /// 0 takes every order whatever the backlog.
    /// </summary>
    public int MaxBacklog { get; set; } = 2000;

    /// <summary>How often the API reads the queue's depth from the broker.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}

namespace Mensageria.Web.Operations;

/// <summary>The operations panel's settings, from <c>Mensageria:Operations</c>.</summary>
public sealed class OperationsOptions
{
    public const string ConfigurationSection = "Mensageria:Operations";

    /// <summary>Ready messages from which a queue's backlog is <see cref="BacklogState.Slow"/>.</summary>
    public int SlowBacklog { get; set; } = 10;

    /// <summary>Ready messages from which a queue's backlog is <see cref="BacklogState.Alert"/>.</summary>
    public int AlertBacklog { get; set; } = 100;

    /// <summary>Where the dashboard is, for links; none until one is configured.</summary>
    public Uri? DashboardUrl { get; set; }
}

namespace Mensageria.Web.Operations;

/// <summary>The operations panel's settings, from <c>Mensageria:Operations</c>.</summary>
public sealed class OperationsOptions
{
    public const string ConfigurationSection = "Mensageria:Operations";

    /// <summary>Ready messages from which a queue's backlog is <see cref="BacklogState.Slow"/>.</summary>
    public int SlowBacklog { get; set; } = 10;

    /// <summary>Ready messages from which a queue's backlog is <see cref="BacklogState.Alert"/>.</summary>
    public int AlertBacklog { get; set; } = 100;

    /// <summary>
    /// The operator's secret, for the panel's login and for <c>Authorization: Bearer</c> on <c>/ops</c>: a generated
    /// parameter of the app host. With none, no one can log in (the panel stays closed rather than open).
    /// </summary>
    public string? OperatorSecret { get; set; }

    /// <summary>How long before its expiry a key shows as <c>ExpiringSoon</c>.</summary>
    public TimeSpan ExpiringSoonWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The rate of a new key when its creator names none.</summary>
    public int DefaultRequestsPerMinute { get; set; } = 600;

    /// <summary>Where the dashboard is, for links; none until one is configured.</summary>
    public Uri? DashboardUrl { get; set; }
}

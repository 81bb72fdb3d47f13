namespace Mensageria.Hosting.Lifecycle;

public enum ResourceState
{
    /// <summary>Not started yet: waiting for the resources it waits for to become healthy.</summary>
    Waiting,
    Starting,
    /// <summary>Its processes run; its health check has not passed yet.</summary>
    Running,
    Healthy,
    /// <summary>It ran and was healthy, or tried to be; its health check now fails.</summary>
    Unhealthy,
    Stopping,
    Exited,
    FailedToStart,
}

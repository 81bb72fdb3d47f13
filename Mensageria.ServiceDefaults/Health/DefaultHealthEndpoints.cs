namespace Mensageria.ServiceDefaults.Health;

/// <summary>The paths and tags of the health endpoints every service maps.</summary>
public static class DefaultHealthEndpoints
{
    /// <summary>Readiness: every registered check must pass.</summary>
    public const string HealthPath = "/health";

    /// <summary>Liveness: only the checks tagged <see cref="LiveTag"/>.</summary>
    public const string AlivePath = "/alive";

    /// <summary>Tag of checks that say the process itself is alive.</summary>
    public const string LiveTag = "live";

    /// <summary>Tag of checks that say a dependency (broker, cache) can be used.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Name of the check that always passes while the process answers.</summary>
    public const string SelfCheckName = "self";
}

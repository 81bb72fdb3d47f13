namespace Mensageria.Hosting.LocalServers;

/// <summary>When a server that Aspire runs as a container runs as a local process instead.</summary>
public enum LocalProcessPolicy
{
    /// <summary>In run mode, when no container runtime answers (Aspire's containers would never start).</summary>
    WhenNoContainerRuntime,

    /// <summary>In run mode, always.</summary>
    Always,

    /// <summary>Never: Aspire's container, as if <c>RunAsLocalProcess</c> were not called.</summary>
    Never,
}

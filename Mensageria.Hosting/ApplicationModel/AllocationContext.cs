using Mensageria.Hosting.State;

namespace Mensageria.Hosting.ApplicationModel;

/// <summary>What a resource needs to choose its ports and secrets when the application is built.</summary>
internal sealed record AllocationContext(StateDirectory State, bool RandomizeFixedPorts)
{
    public int PortFor(int? fixedPort) =>
        fixedPort is { } port && !RandomizeFixedPorts ? port : PortAllocator.GetFreePort();
}

namespace Mensageria.Tests.Infrastructure;

/// <summary>The test classes whose apps take the launch profiles' fixed ports (api 5070, web 5080): one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class LaunchProfilePortsDefinition
{
    public const string Name = "Launch profile ports";
}

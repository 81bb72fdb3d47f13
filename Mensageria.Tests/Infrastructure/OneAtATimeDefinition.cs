namespace Mensageria.Tests.Infrastructure;

/// <summary>
/// The test classes that must not overlap: those whose apps take the launch profiles' fixed ports
/// (api 5070, web 5080), and those that load the whole machine (the crash matrix, the quick
/// benchmark), whose servers would otherwise miss their deadlines (a publish confirm in 1.5 s) for
/// want of CPU, not for a fault of theirs. They run one after another, beside the other collections.
/// </summary>
[CollectionDefinition(Name)]
public sealed class OneAtATimeDefinition
{
    public const string Name = "One at a time";
}

using System.Text.RegularExpressions;

namespace Mensageria.Hosting.ApplicationModel;

public abstract partial class Resource : IResource
{
    protected Resource(string name)
    {
        if (!ValidName().IsMatch(name))
        {
            throw new ArgumentException(
                $"Resource name '{name}' is not valid: use lower-case letters, digits and '-', starting with a letter (it becomes part of variable names and URLs).",
                nameof(name));
        }

        Name = name;
    }

    public string Name { get; }

    public abstract string Type { get; }

    public IList<IResource> WaitsFor { get; } = [];

    /// <summary>Chooses ports and secrets when the application is built.</summary>
    internal abstract void Allocate(AllocationContext context);

    public override string ToString() => $"{Type} '{Name}'";

    [GeneratedRegex("^[a-z][a-z0-9-]{0,62}$")]
    private static partial Regex ValidName();
}

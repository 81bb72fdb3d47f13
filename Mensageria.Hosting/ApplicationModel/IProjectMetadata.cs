namespace Mensageria.Hosting.ApplicationModel;

/// <summary>
/// Where a referenced project and its build output are. The build generates one class per
/// project reference (<c>Projects.Mensageria_Api</c>), as the Aspire SDK does.
/// </summary>
public interface IProjectMetadata
{
    string ProjectPath { get; }

    string AssemblyPath { get; }
}

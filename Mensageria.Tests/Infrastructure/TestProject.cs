using Mensageria.Hosting.ApplicationModel;

namespace Mensageria.Tests.Infrastructure;

/// <summary>Project metadata for model tests that build an application but never start it.</summary>
internal sealed class TestProject : IProjectMetadata
{
    public string ProjectPath => "/nonexistent/Test.Project/Test.Project.csproj";

    public string AssemblyPath => "/nonexistent/Test.Project/bin/Test.Project.dll";
}

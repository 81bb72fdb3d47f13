namespace Mensageria.Hosting.Processes;

/// <summary>What to start: a program, its arguments, folder and the variables set on top of the inherited ones.</summary>
internal sealed record ProcessSpec(
    string ReplicaId,
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment);

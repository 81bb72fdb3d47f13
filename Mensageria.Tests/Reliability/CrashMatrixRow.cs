using System.Globalization;

namespace Mensageria.Tests.Reliability;

/// <summary>One case of the crash matrix, as docs/reliability.md tabulates it; written where <c>eng/chaos.sh</c> collects it.</summary>
internal sealed record CrashMatrixRow(
    string Fault, int Placed, int Accepted, int Refused503, int Unanswered, int Completed, int Rejected, int Lost, int Duplicated, double RecoverySeconds)
{
    public const string Header = "| Fault | Placed | Accepted (202) | Refused (503 + Retry-After) | Unanswered, settled by retry | Completed | Rejected | Lost | Duplicated | Accepting again after the kill |";

    public string ToMarkdown() => string.Create(CultureInfo.InvariantCulture,
        $"| {Fault} | {Placed} | {Accepted} | {Refused503} | {Unanswered} | {Completed} | {Rejected} | {Lost} | {Duplicated} | {RecoverySeconds:0.0} s |");

    /// <summary>Writes the row, and any notes, under <c>reliability/</c> beside the test assembly, one file per case.</summary>
    public void Save(string name, string? note = null)
    {
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "reliability")).FullName;
        File.WriteAllText(Path.Combine(folder, $"{name}.md"), ToMarkdown() + Environment.NewLine);
        if (note is not null)
        {
            File.WriteAllText(Path.Combine(folder, $"{name}.note.txt"), note + Environment.NewLine);
        }
    }
}

namespace Mensageria.Cli.Output;

/// <summary>Columns padded to their widest cell, with a rule under the header.</summary>
public static class TextTable
{
    public static IEnumerable<string> Render(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var widths = headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        string Line(IReadOnlyList<string> cells) => string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
        yield return Line(headers);
        yield return string.Join("  ", widths.Select(w => new string('-', w)));
        foreach (var row in rows)
        {
            yield return Line(row);
        }
    }
}

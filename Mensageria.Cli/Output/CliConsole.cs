using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Mensageria.Messaging.Contracts;

namespace Mensageria.Cli.Output;

/// <summary>
/// Where a command writes: tables and colour for a person at a terminal; the same text without
/// colour when the output is redirected; JSON with <c>--json</c>. Errors always go to stderr.
/// </summary>
public sealed class CliConsole(TextWriter output, TextWriter error, bool json, bool terminal)
{
    public bool Json => json;

    public bool IsTerminal => terminal;

    public void WriteLine(string text = "") => output.WriteLine(text);

    public void WriteJson<T>(T value, JsonTypeInfo<T> type) => output.WriteLine(JsonSerializer.Serialize(value, type));

    public void WriteTable(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        foreach (var line in TextTable.Render(headers, rows))
        {
            output.WriteLine(line);
        }
    }

    public void WriteError(CliException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        error.WriteLine($"error: {exception.Message}");
        if (exception.Hint is { } hint)
        {
            error.WriteLine(hint);
        }
    }

    /// <summary>A status, coloured at a terminal: green when done, red when rejected.</summary>
    public string Status(OrderStatus status) => Colour(status.ToString(), status switch
    {
        OrderStatus.Completed => "32",
        OrderStatus.Rejected => "31",
        _ => "33",
    });

    public string Colour(string text, string code) =>
        terminal && Environment.GetEnvironmentVariable("NO_COLOR") is null ? $"\e[{code}m{text}\e[0m" : text;

    public static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset at) => at.ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
}

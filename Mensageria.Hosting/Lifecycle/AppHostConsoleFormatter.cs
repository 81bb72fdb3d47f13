using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Mensageria.Hosting.Lifecycle;

/// <summary>
/// One short line per app host event (<c>15:00:19 messaging  Healthy after 5.9 s …</c>), so the
/// resource states stand out between the resources' own output; warnings and errors in colour.
/// </summary>
internal sealed class AppHostConsoleFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "apphost";

    // Escape codes only for a terminal, not for a file or a pipe.
    private static readonly bool s_colored = !Console.IsOutputRedirected;

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        var (color, label) = logEntry.LogLevel switch
        {
            LogLevel.Warning => ("\u001b[33m", "warning: "),
            LogLevel.Error or LogLevel.Critical => ("\u001b[31m", "error: "),
            _ => ("\u001b[1m", ""),
        };
        var (start, end) = s_colored ? (color, "\u001b[0m") : ("", "");
        textWriter.Write($"{start}{DateTime.Now:HH:mm:ss} {label}{message}{end}{Environment.NewLine}");
        if (logEntry.Exception is not null)
        {
            textWriter.WriteLine(logEntry.Exception.ToString());
        }
    }
}

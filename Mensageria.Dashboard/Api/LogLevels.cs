namespace Mensageria.Dashboard.Api;

/// <summary>The level names the log filter accepts, as the lowest OTLP severity number of each.</summary>
internal static class LogLevels
{
    private static readonly Dictionary<string, int> s_minSeverity = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Trace"] = 1,
        ["Debug"] = 5,
        ["Information"] = 9,
        ["Warning"] = 13,
        ["Error"] = 17,
        ["Critical"] = 21,
    };

    public static string Names => string.Join(", ", s_minSeverity.Keys);

    public static bool TryGetMinSeverity(string? level, out int severity)
    {
        severity = 0;
        return string.IsNullOrEmpty(level) || s_minSeverity.TryGetValue(level, out severity);
    }
}

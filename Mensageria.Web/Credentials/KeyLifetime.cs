using System.Globalization;

namespace Mensageria.Web.Credentials;

/// <summary>A key's lifetime as people write it: a whole number and a unit, <c>90s</c>, <c>15m</c>, <c>12h</c>, <c>30d</c>.</summary>
public static class KeyLifetime
{
    /// <summary>Every key expires, within a year at most: a forgotten key stops working on its own.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(365);

    public const string Rule = "A whole number and a unit, s, m, h or d (e.g. 30d), from 1s to 365d.";

    public static bool TryParse(string? text, out TimeSpan lifetime)
    {
        lifetime = default;
        if (text is not { Length: >= 2 and <= 12 }
            || !long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count < 1)
        {
            return false;
        }

        var unit = text[^1] switch
        {
            's' => TimeSpan.FromSeconds(1),
            'm' => TimeSpan.FromMinutes(1),
            'h' => TimeSpan.FromHours(1),
            'd' => TimeSpan.FromDays(1),
            _ => TimeSpan.Zero,
        };
        if (unit == TimeSpan.Zero || count > Longest / unit)
        {
            return false;
        }

        lifetime = unit * count;
        return true;
    }
}

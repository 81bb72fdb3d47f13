using System.Text.RegularExpressions;

namespace Mensageria.Dashboard.Api;

/// <summary>Hides secrets in the environment the resources page shows: whole values of secret-named keys, and passwords inside connection strings.</summary>
internal static partial class SecretMask
{
    public const string Mask = "••••••";

    private static readonly string[] s_secretWords = ["PASSWORD", "KEY", "TOKEN", "SECRET", "HEADERS"];

    public static string Apply(string name, string value) =>
        s_secretWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase))
            ? Mask
            : PasswordSetting().Replace(UriPassword().Replace(value, $"$1{Mask}@"), $"$1{Mask}");

    /// <summary><c>amqp://user:password@host</c></summary>
    [GeneratedRegex(@"(://[^:/@\s]*:)[^@\s]*@")]
    private static partial Regex UriPassword();

    /// <summary><c>host:6379,password=secret</c> and <c>Password=secret;</c></summary>
    [GeneratedRegex(@"((?:^|[,;])\s*password\s*=)[^,;]*", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordSetting();
}

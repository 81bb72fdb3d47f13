using System.Security.Cryptography;
using System.Text;

namespace Mensageria.Dashboard.Security;

internal static class SecretComparer
{
    /// <summary>Compares in constant time, so the time taken tells nothing about how much of a guess was right.</summary>
    public static bool Matches(string? given, string expected) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    public static string Generate() => RandomNumberGenerator.GetHexString(32, lowercase: true);
}

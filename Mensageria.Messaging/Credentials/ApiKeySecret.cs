using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Mensageria.Messaging.Credentials;

/// <summary>
/// The form of an API key, <c>mk_{id}_{secret}</c>: a public id of 12 hex digits that names the key
/// in lists and logs, and 256 random bits. Only the key's SHA-256 is stored; a fast hash is enough
/// for a random secret of that size (nothing to guess from a dictionary).
/// </summary>
public static class ApiKeySecret
{
    public const string Prefix = "mk_";
    public const int IdLength = 12;
    private const int SecretBytes = 32;
    private static readonly SearchValues<char> s_hexDigits = SearchValues.Create("0123456789abcdef");

    /// <summary>A new key and its id.</summary>
    public static (string Id, string Key) Generate()
    {
        var id = RandomNumberGenerator.GetHexString(IdLength, lowercase: true);
        return (id, $"{Prefix}{id}_{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes))}");
    }

    /// <summary>The id of a key of the right form, else null; says nothing of whether the key exists.</summary>
    public static string? IdOf(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        var idEnd = Prefix.Length + IdLength;
        return presented.Length == idEnd + 1 + Base64Url.GetEncodedLength(SecretBytes)
            && presented.StartsWith(Prefix, StringComparison.Ordinal)
            && presented[idEnd] == '_'
            && presented.AsSpan(Prefix.Length, IdLength).ContainsAnyExcept(s_hexDigits) is false
            ? presented.Substring(Prefix.Length, IdLength)
            : null;
    }

    /// <summary>The stored form of a key: its SHA-256, in lowercase hex.</summary>
    public static string Hash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Whether a presented secret is the expected one, in time that does not depend on where they differ.</summary>
    public static bool FixedTimeEquals(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}

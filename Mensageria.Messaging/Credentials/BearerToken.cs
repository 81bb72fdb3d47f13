using Microsoft.AspNetCore.Http;

namespace Mensageria.Messaging.Credentials;

/// <summary>Reads the token of an <c>Authorization: Bearer TOKEN</c> header (RFC 6750).</summary>
public static class BearerToken
{
    public const string Realm = "mensageria";

    /// <summary>No key is this long; a longer token is refused unread.</summary>
    public const int MaxLength = 256;

    /// <summary>Whether the request carries an Authorization header at all.</summary>
    public static bool IsPresent(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.Authorization.Count > 0;
    }

    /// <summary>The token, or null when there is none, it is of another scheme, or there are several headers (none is taken).</summary>
    public static string? Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers.Authorization is not [{ } header] || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header.AsSpan("Bearer ".Length).Trim();
        return token.Length is > 0 and <= MaxLength ? token.ToString() : null;
    }

    /// <summary>The <c>WWW-Authenticate</c> challenge: bare when no credentials came, else with why they failed.</summary>
    public static string Challenge(string? error = null, string? description = null) =>
        error is null ? $"Bearer realm=\"{Realm}\"" : $"Bearer realm=\"{Realm}\", error=\"{error}\", error_description=\"{description}\"";
}

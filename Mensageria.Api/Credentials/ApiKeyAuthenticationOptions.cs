using Microsoft.AspNetCore.Authentication;

namespace Mensageria.Api.Credentials;

/// <summary>The API key scheme's settings, from <c>Mensageria:Credentials</c>.</summary>
public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions
{
    public const string ConfigurationSection = "Mensageria:Credentials";

    /// <summary>
    /// The keys of the app's own services by service name (the web's, for its shoppers), handed out by
    /// the app host as generated parameters: not in Redis, with no rate, valid for as long as the app host gives them.
    /// </summary>
    public Dictionary<string, string> ServiceKeys { get; } = new(StringComparer.Ordinal);
}

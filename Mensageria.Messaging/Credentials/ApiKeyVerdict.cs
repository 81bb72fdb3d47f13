namespace Mensageria.Messaging.Credentials;

/// <summary>What a check made of a presented key.</summary>
public enum ApiKeyVerdict
{
    Accepted,

    /// <summary>Not a key of this app: malformed, never issued, or the wrong secret for its id.</summary>
    Unknown,
    Expired,
    Revoked,

    /// <summary>A good key over its requests per minute.</summary>
    RateLimited,
}

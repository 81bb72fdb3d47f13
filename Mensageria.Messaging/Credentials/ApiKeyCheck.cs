namespace Mensageria.Messaging.Credentials;

/// <summary>The verdict on a presented key, with its id and name when it is a key of this app, and when to retry when it is over its rate.</summary>
public sealed record ApiKeyCheck(ApiKeyVerdict Verdict, string? Id = null, string? Name = null, TimeSpan RetryAfter = default)
{
    public static readonly ApiKeyCheck Unknown = new(ApiKeyVerdict.Unknown);
}

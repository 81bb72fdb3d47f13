namespace Mensageria.Messaging.Credentials;

/// <summary>An API key as stored, without its secret: who it is for, its life, its last use and its rate.</summary>
public sealed record ApiKeyRecord(
    string Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, int RequestsPerMinute)
{
    public CredentialState StateAt(DateTimeOffset now, TimeSpan expiringSoonWindow) =>
        RevokedAt is not null ? CredentialState.Revoked
        : now >= ExpiresAt ? CredentialState.Expired
        : ExpiresAt - now <= expiringSoonWindow ? CredentialState.ExpiringSoon
        : CredentialState.Valid;
}

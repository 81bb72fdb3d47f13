using Mensageria.Messaging.Credentials;

namespace Mensageria.Web.Credentials;

/// <summary>A key as the panel, <c>GET /ops/credentials</c> and <c>mensageria keys list</c> show it: never its secret.</summary>
public sealed record CredentialView(
    string Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt,
    int RequestsPerMinute, CredentialState State)
{
    public static CredentialView Of(ApiKeyRecord key, DateTimeOffset now, TimeSpan expiringSoonWindow)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(key.Id, key.Name, key.CreatedAt, key.LastUsedAt, key.ExpiresAt, key.RevokedAt, key.RequestsPerMinute, key.StateAt(now, expiringSoonWindow));
    }
}

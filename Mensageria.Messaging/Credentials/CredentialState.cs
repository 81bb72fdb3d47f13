namespace Mensageria.Messaging.Credentials;

/// <summary>What a key is good for now.</summary>
public enum CredentialState
{
    Valid,

    /// <summary>Still accepted, but it expires within the configured window: time to hand out its successor.</summary>
    ExpiringSoon,
    Expired,
    Revoked,
}

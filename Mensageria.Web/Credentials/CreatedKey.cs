namespace Mensageria.Web.Credentials;

/// <summary>A new key: the only answer that ever holds the key itself.</summary>
public sealed record CreatedKey(string Key, CredentialView Credential);

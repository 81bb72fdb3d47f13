namespace Mensageria.Web.Credentials;

/// <summary>Every key with its state, and how many expire within the window: <c>GET /ops/credentials</c>.</summary>
public sealed record CredentialsPanel(IReadOnlyList<CredentialView> Keys, int ExpiringSoon, TimeSpan ExpiringSoonWindow, DateTimeOffset At);

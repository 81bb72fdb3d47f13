namespace Mensageria.Web.Credentials;

/// <summary>The body of <c>POST /ops/credentials</c>: who the key is for, how long it lives (<c>30d</c>), and its rate.</summary>
public sealed record CreateKeyRequest(string? Name, string? Expires, int? RequestsPerMinute);

namespace Mensageria.Cli.Services;

/// <summary>The body of a new key's request.</summary>
public sealed record KeyBodyDto(string Name, string Expires, int? RequestsPerMinute);

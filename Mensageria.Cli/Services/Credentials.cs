namespace Mensageria.Cli.Services;

/// <summary>What the command line sends: the API key to the API, the operator secret to the web's <c>/ops</c>.</summary>
public sealed record Credentials(string? ApiKey, string? OperatorSecret);

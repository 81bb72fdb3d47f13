namespace Mensageria.Hosting.Runners;

/// <summary>A resource cannot start; the message says why and what to do about it.</summary>
public sealed class ResourceStartException(string message) : Exception(message);

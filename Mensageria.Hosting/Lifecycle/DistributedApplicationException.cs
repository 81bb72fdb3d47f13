namespace Mensageria.Hosting.Lifecycle;

/// <summary>The application cannot start; the message says what to do.</summary>
public sealed class DistributedApplicationException(string message) : Exception(message);

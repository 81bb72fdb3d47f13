namespace Mensageria.Tests.Messaging;

/// <summary>A test request: the server answers <see cref="Pong"/> with the same number, after a delay, or fails.</summary>
public sealed record Ping(int Number, int DelayMs = 0, string? Fail = null);

public sealed record Pong(int Number, string Squared);

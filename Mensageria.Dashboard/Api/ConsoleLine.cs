namespace Mensageria.Dashboard.Api;

/// <summary>A line a resource's process wrote; <see cref="Sequence"/> lets a client ask only for newer lines.</summary>
public sealed record ConsoleLine(long Sequence, string ReplicaId, DateTimeOffset Time, string Text, bool IsError);

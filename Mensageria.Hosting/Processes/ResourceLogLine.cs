namespace Mensageria.Hosting.Processes;

public sealed record ResourceLogLine(string Resource, string ReplicaId, DateTimeOffset Time, string Text, bool IsError);

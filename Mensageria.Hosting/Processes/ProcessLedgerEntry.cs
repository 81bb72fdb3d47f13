namespace Mensageria.Hosting.Processes;

internal sealed record ProcessLedgerEntry(string ReplicaId, int Pid, long? StartTime);

namespace Mensageria.Web.Operations;

/// <summary>How a queue's backlog looks at a glance.</summary>
public enum BacklogState
{
    Normal,
    Slow,
    Alert,
}

namespace Mensageria.Messaging.Rpc;

/// <summary>How a reply says that the server failed instead of answering (its body is then empty).</summary>
internal static class RpcHeaders
{
    /// <summary>What went wrong, for the caller to show.</summary>
    public const string Error = "mensageria-rpc-error";

    /// <summary><see cref="Unavailable"/> when a server the handler needs was unreachable (try again), else <see cref="Failed"/>.</summary>
    public const string Status = "mensageria-rpc-status";

    public const string Unavailable = "unavailable";
    public const string Failed = "failed";

    /// <summary>The pseudo-queue of direct reply-to: replies come straight to the calling channel, no queue declared.</summary>
    public const string DirectReplyTo = "amq.rabbitmq.reply-to";
}

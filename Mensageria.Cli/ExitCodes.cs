namespace Mensageria.Cli;

/// <summary>What the process exit code tells a script.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Something unexpected: a server error, or a bug.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong (unknown command, a line that is not <c>SKU:QTY</c>).</summary>
    public const int Usage = 2;

    /// <summary>The API refused the input (a 4xx problem, e.g. an unknown SKU).</summary>
    public const int Rejected = 3;

    /// <summary>The API or web cannot be found or reached, or answered 502, 503 or 504.</summary>
    public const int Unavailable = 4;

    /// <summary>With <c>--wait</c>: the order was accepted, then rejected (e.g. out of stock).</summary>
    public const int OrderRejected = 5;

    /// <summary>With <c>--wait</c>: the order did not finish within <c>--timeout</c>; it goes on.</summary>
    public const int WaitTimedOut = 6;

    /// <summary>The credentials are missing or refused (401, 403): an API key for orders, the operator secret for the rest.</summary>
    public const int NotAllowed = 7;

    /// <summary>The API key is over its requests per minute (429): try again after the time said.</summary>
    public const int RateLimited = 8;
}

namespace Mensageria.Hosting;

/// <summary>How an application is started: where its state lives, and what tests change about it.</summary>
public sealed class DistributedApplicationOptions
{
    public string[] Args { get; set; } = [];

    /// <summary>The state directory; default <c>MENSAGERIA_STATE_DIR</c>, else <c>.mensageria/</c> beside the solution.</summary>
    public string? StateDirectory { get; set; }

    /// <summary>Deletes the state directory when the application is disposed (tests use a fresh one each time).</summary>
    public bool DeleteStateDirectoryOnDispose { get; set; }

    /// <summary>Puts every resource on a free port, fixed ones (the web's 5080) included, so several apps run side by side.</summary>
    public bool RandomizePorts { get; set; }

    /// <summary>Shows every resource's output on the console, prefixed with its replica id.</summary>
    public bool EchoResourceOutput { get; set; } = true;
}

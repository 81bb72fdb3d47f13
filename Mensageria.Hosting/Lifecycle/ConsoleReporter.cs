using Microsoft.Extensions.Logging;

namespace Mensageria.Hosting.Lifecycle;

/// <summary>
/// Tells the person at the console what each resource is doing: every state change, the URLs of
/// what became healthy, and how long the whole application took to become healthy.
/// </summary>
internal sealed partial class ConsoleReporter
{
    private readonly ILogger<ConsoleReporter> _logger;
    private readonly ResourceNotificationService _notifications;
    private readonly TimeProvider _timeProvider;
    private long _startedAt;
    private int _reportedAllHealthy;

    public ConsoleReporter(ResourceNotificationService notifications, TimeProvider timeProvider, ILogger<ConsoleReporter> logger)
    {
        _logger = logger;
        _notifications = notifications;
        _timeProvider = timeProvider;
        notifications.Changed += OnChanged;
    }

    private void OnChanged(ResourceSnapshot current, ResourceSnapshot? previous)
    {
        // The clock starts when the first resource is announced: after any leftovers of a killed run were stopped.
        Interlocked.CompareExchange(ref _startedAt, _timeProvider.GetTimestamp(), 0);
        if (current.State == previous?.State)
        {
            return;
        }

        var elapsed = _timeProvider.GetElapsedTime(_startedAt).TotalSeconds;
        if (current.State == ResourceState.Healthy)
        {
            if (_logger.IsEnabled(LogLevel.Information))
            {
                var endpoints = EndpointList(current);
                LogHealthy(_logger, current.Name, elapsed, endpoints);
            }
        }
        else if (current.State is ResourceState.FailedToStart or ResourceState.Unhealthy
            || current.State is ResourceState.Exited && current.ExitCode is not null)
        {
            LogStateWithReason(_logger, current.Name, current.State, current.Reason ?? "no reason given");
        }
        else
        {
            LogState(_logger, current.Name, current.State);
        }

        var snapshots = _notifications.Snapshots;
        if (snapshots.All(s => s.State == ResourceState.Healthy) && Interlocked.Exchange(ref _reportedAllHealthy, 1) == 0)
        {
            LogAllHealthy(_logger, snapshots.Count, elapsed);
        }
    }

    private static string EndpointList(ResourceSnapshot snapshot) =>
        string.Join("  ", snapshot.Endpoints.Select(e => $"{e.Key} {e.Value}"));

    [LoggerMessage(Level = LogLevel.Information, Message = "{Resource,-10} {State}")]
    private static partial void LogState(ILogger logger, string resource, ResourceState state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Resource,-10} {State}: {Reason}")]
    private static partial void LogStateWithReason(ILogger logger, string resource, ResourceState state, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Resource,-10} Healthy after {Seconds:0.0} s  {Endpoints}")]
    private static partial void LogHealthy(ILogger logger, string resource, double seconds, string endpoints);

    [LoggerMessage(Level = LogLevel.Information, Message = "All {Count} resources healthy {Seconds:0.0} s after start")]
    private static partial void LogAllHealthy(ILogger logger, int count, double seconds);
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using StackExchange.Redis.Profiling;

namespace Mensageria.ServiceDefaults.Redis.Tracing;

/// <summary>
/// Records one profiled Redis command as a finished client span, following the OpenTelemetry
/// database semantic conventions, with the command's real start time and duration.
/// </summary>
public static class RedisCommandSpan
{
    public const string DbSystemName = "db.system.name";
    public const string DbOperationName = "db.operation.name";
    public const string DbNamespace = "db.namespace";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string RedisSystem = "redis";

    /// <summary>
    /// Starts and stops a span for <paramref name="command"/> under <paramref name="parent"/>.
    /// Returns the stopped span, or null when nothing samples it.
    /// </summary>
    public static Activity? Record(
        ActivitySource source, IProfiledCommand command, ActivityContext parent, IEnumerable<KeyValuePair<string, object?>>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(command);

        var start = new DateTimeOffset(DateTime.SpecifyKind(command.CommandCreated, DateTimeKind.Utc));
        var activity = source.StartActivity(command.Command, ActivityKind.Client, parent, tags, startTime: start);
        if (activity is null)
        {
            return null;
        }

        if (activity.IsAllDataRequested)
        {
            activity.SetTag(DbSystemName, RedisSystem);
            activity.SetTag(DbOperationName, command.Command);
            if (command.Db >= 0)
            {
                activity.SetTag(DbNamespace, command.Db.ToString(CultureInfo.InvariantCulture));
            }

            SetServer(activity, command.EndPoint);

            if (WasNeverSent(command))
            {
                activity.SetStatus(ActivityStatusCode.Error, "Not sent: no connection to Redis.");
            }
        }

        // A zero duration would make Stop() take the current time as the end.
        var duration = command.ElapsedTime > TimeSpan.Zero ? command.ElapsedTime : TimeSpan.FromTicks(1);
        activity.SetEndTime(start.UtcDateTime + duration);
        activity.Stop();
        return activity;
    }

    /// <summary>
    /// The one failure the public profiling API shows for certain: a command that failed before it
    /// was written (no connection, backlog timeout) has no send time, so its enqueued-to-sending
    /// interval is negative. Error replies (e.g. WRONGTYPE) and timeouts after sending look like
    /// successes there; StackExchange.Redis 3.4 exposes nothing else to tell them apart.
    /// </summary>
    public static bool WasNeverSent(IProfiledCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.EnqueuedToSending < TimeSpan.Zero;
    }

    private static void SetServer(Activity activity, EndPoint? endpoint)
    {
        switch (endpoint)
        {
            case DnsEndPoint dns:
                activity.SetTag(ServerAddress, dns.Host);
                activity.SetTag(ServerPort, dns.Port);
                break;
            case IPEndPoint ip:
                activity.SetTag(ServerAddress, ip.Address.ToString());
                activity.SetTag(ServerPort, ip.Port);
                break;
            case not null:
                activity.SetTag(ServerAddress, endpoint.ToString());
                break;
        }
    }
}

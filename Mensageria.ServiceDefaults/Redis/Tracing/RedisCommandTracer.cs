using System.Diagnostics;
using System.Runtime.CompilerServices;
using StackExchange.Redis;
using StackExchange.Redis.Profiling;

namespace Mensageria.ServiceDefaults.Redis.Tracing;

/// <summary>
/// Turns Redis commands into spans. StackExchange.Redis 3.x has no ActivitySource of its own, but
/// its profiler asks, on the issuing thread, for a session to record each command in: the tracer
/// hands out one session per current Activity and later drains it into child spans of that
/// Activity (<see cref="Flush"/> when the Activity ends, <see cref="FlushAll"/> periodically).
/// </summary>
public sealed class RedisCommandTracer(ActivitySource source)
{
    /// <summary>The source of Redis command spans used by the service defaults.</summary>
    public static readonly ActivitySource DefaultSource = new(
        MensageriaTelemetry.RedisSourceName,
        typeof(RedisCommandTracer).Assembly.GetName().Version?.ToString());

    // Weak keys: a session lives as long as its Activity does, and no longer.
    private readonly ConditionalWeakTable<Activity, ProfilingSession> _sessions = [];

    /// <summary>Makes every command issued through <paramref name="multiplexer"/> traceable.</summary>
    public void Instrument(IConnectionMultiplexer multiplexer)
    {
        ArgumentNullException.ThrowIfNull(multiplexer);
        multiplexer.RegisterProfiler(GetSession);
    }

    /// <summary>
    /// The profiler callback, run for every command: cheap when nobody listens, and no session
    /// outside a recorded Activity (its children would be dropped anyway).
    /// </summary>
    public ProfilingSession? GetSession()
    {
        if (!source.HasListeners() || Activity.Current is not { Recorded: true } activity)
        {
            return null;
        }

        return _sessions.GetValue(activity, static _ => new ProfilingSession());
    }

    /// <summary>Records the completed commands issued under <paramref name="activity"/>; returns how many.</summary>
    public int Flush(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return _sessions.TryGetValue(activity, out var session) ? Drain(session, activity) : 0;
    }

    /// <summary>
    /// Records the completed commands of every session, and forgets the sessions of Activities
    /// that have ended: this catches commands that completed after their Activity ended.
    /// </summary>
    public int FlushAll()
    {
        var count = 0;
        List<Activity>? ended = null;
        foreach (var (activity, session) in _sessions)
        {
            count += Drain(session, activity);
            if (activity.IsStopped)
            {
                (ended ??= []).Add(activity);
            }
        }

        ended?.ForEach(activity => _sessions.Remove(activity));
        return count;
    }

    private int Drain(ProfilingSession session, Activity parent)
    {
        var count = 0;
        // Recorded after the fact under the parent's context, so they inherit its business ids here.
        var inherited = BaggageTagProcessor.TagsFrom(parent);
        foreach (var command in session.FinishProfiling())
        {
            RedisCommandSpan.Record(source, command, parent.Context, inherited);
            count++;
        }

        return count;
    }
}

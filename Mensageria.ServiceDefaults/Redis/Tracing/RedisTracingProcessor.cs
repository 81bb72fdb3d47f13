using System.Diagnostics;
using OpenTelemetry;

namespace Mensageria.ServiceDefaults.Redis.Tracing;

/// <summary>
/// Flushes an Activity's Redis commands the moment the tracer provider sees it end, so its
/// Redis spans are exported together with it instead of at the next periodic flush.
/// </summary>
internal sealed class RedisTracingProcessor(RedisCommandTracer tracer) : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data) => tracer.Flush(data);
}

using System.Diagnostics;
using OpenTelemetry;

namespace Mensageria.ServiceDefaults;

/// <summary>
/// Copies <see cref="MensageriaTelemetry.BaggageTagPrefix"/> baggage onto every span as it starts.
/// Code tags only the span it has at hand (the request, the delivery); the spans that libraries
/// start beneath it (a publish, a Redis command) carry the same business id this way.
/// </summary>
public sealed class BaggageTagProcessor : BaseProcessor<Activity>
{
    public override void OnStart(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var (key, value) in TagsFrom(data))
        {
            if (data.GetTagItem(key) is null)
            {
                data.SetTag(key, value);
            }
        }
    }

    /// <summary>The business-id baggage an activity has, from itself or its parents, as tags.</summary>
    public static IEnumerable<KeyValuePair<string, object?>> TagsFrom(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return [.. activity.Baggage
            .Where(b => b.Key.StartsWith(MensageriaTelemetry.BaggageTagPrefix, StringComparison.Ordinal))
            .Select(b => new KeyValuePair<string, object?>(b.Key, b.Value))];
    }
}

using System.Collections.Concurrent;

namespace Mensageria.Dashboard.Otlp;

/// <summary>
/// One instance of each string that telemetry repeats (attribute keys, span names, resource names,
/// short values such as <c>redis</c> or <c>order-events</c>), so a full store keeps each once instead
/// of once per span. Bounded: past <see cref="Capacity"/> strings it stops pooling, so unique values
/// (ids) cannot grow it without end.
/// </summary>
internal sealed class StringPool
{
    public const int Capacity = 50_000;
    private const int MaxPooledLength = 100;

    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);

    // Counted here: ConcurrentDictionary.Count takes every lock of the dictionary.
    private int _count;

    public string Get(string value)
    {
        if (value.Length > MaxPooledLength)
        {
            return value;
        }

        if (_strings.TryGetValue(value, out var pooled))
        {
            return pooled;
        }

        if (Volatile.Read(ref _count) >= Capacity)
        {
            return value;
        }

        if (_strings.TryAdd(value, value))
        {
            Interlocked.Increment(ref _count);
            return value;
        }

        return _strings.TryGetValue(value, out pooled) ? pooled : value;
    }
}

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

    public string Get(string value) =>
        value.Length > MaxPooledLength ? value
        : _strings.TryGetValue(value, out var pooled) ? pooled
        : _strings.Count < Capacity ? _strings.GetOrAdd(value, value)
        : value;
}

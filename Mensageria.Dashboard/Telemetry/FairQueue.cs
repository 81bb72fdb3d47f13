namespace Mensageria.Dashboard.Telemetry;

/// <summary>
/// Items kept oldest-first per resource, with one bound for all: when full, the oldest item of the
/// resource holding the most goes. A resource at or under its fair share (bound / active resources)
/// thus never loses anything to a chatty one. Not thread-safe: its store holds the lock.
/// </summary>
internal sealed class FairQueue<T>(int capacity)
{
    private readonly Dictionary<string, LinkedList<T>> _byResource = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    /// <summary>Adds the item; returns the resource and item evicted to make room, if any.</summary>
    public (string Resource, T Item)? Add(string resource, T item)
    {
        if (!_byResource.TryGetValue(resource, out var items))
        {
            _byResource[resource] = items = new LinkedList<T>();
        }

        items.AddLast(item);
        Count++;
        return Count > capacity ? EvictFromLargest() : null;
    }

    public IEnumerable<T> Items(string? resource) =>
        resource is null ? _byResource.Values.SelectMany(i => i) : _byResource.GetValueOrDefault(resource) ?? [];

    public IEnumerable<string> Resources => _byResource.Keys;

    private (string, T) EvictFromLargest()
    {
        var (resource, items) = _byResource.MaxBy(r => r.Value.Count);
        var oldest = items.First!.Value;
        items.RemoveFirst();
        Count--;
        if (items.Count == 0)
        {
            _byResource.Remove(resource);
        }

        return (resource, oldest);
    }
}

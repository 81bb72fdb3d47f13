namespace Mensageria.Hosting.Processes;

/// <summary>
/// The last lines of every resource's stdout and stderr, for tests, failure messages and (later)
/// the dashboard's console view. Bounded per resource.
/// </summary>
public sealed class ResourceLogStore(int linesPerResource = 2000)
{
    private readonly Dictionary<string, Queue<ResourceLogLine>> _lines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _totals = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public event Action<ResourceLogLine>? LineAdded;

    public void Add(ResourceLogLine line)
    {
        lock (_gate)
        {
            if (!_lines.TryGetValue(line.Resource, out var queue))
            {
                _lines[line.Resource] = queue = new Queue<ResourceLogLine>();
            }

            queue.Enqueue(line);
            _totals[line.Resource] = _totals.GetValueOrDefault(line.Resource) + 1;
            while (queue.Count > linesPerResource)
            {
                queue.Dequeue();
            }
        }

        LineAdded?.Invoke(line);
    }

    public IReadOnlyList<ResourceLogLine> GetLines(string resource)
    {
        lock (_gate)
        {
            return _lines.TryGetValue(resource, out var queue) ? [.. queue] : [];
        }
    }

    /// <summary>
    /// The kept lines numbered from 1 in the order they were added (kept or not), those after
    /// <paramref name="after"/>: a reader that remembers the last number it has gets only newer lines.
    /// </summary>
    public IReadOnlyList<(long Number, ResourceLogLine Line)> GetLines(string resource, long after)
    {
        lock (_gate)
        {
            if (!_lines.TryGetValue(resource, out var queue))
            {
                return [];
            }

            var first = _totals[resource] - queue.Count + 1;
            return [.. queue.Select((line, i) => (first + i, line)).Where(l => l.Item1 > after)];
        }
    }

    public string Tail(string resource, int count) =>
        string.Join(Environment.NewLine, GetLines(resource).TakeLast(count).Select(l => $"  {l.ReplicaId}: {l.Text}"));
}

namespace Mensageria.Cli.Commands;

/// <summary>The last <paramref name="capacity"/> keys seen, to drop the repeats an at-least-once feed sends.</summary>
public sealed class RecentKeys(int capacity)
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>False when <paramref name="key"/> is among the recent ones.</summary>
    public bool Add(string key)
    {
        if (!_keys.Add(key))
        {
            return false;
        }

        _order.Enqueue(key);
        if (_order.Count > capacity)
        {
            _keys.Remove(_order.Dequeue());
        }

        return true;
    }
}

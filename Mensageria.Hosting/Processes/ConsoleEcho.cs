namespace Mensageria.Hosting.Processes;

/// <summary>Shows every resource's output on the app host's console, each line prefixed with its replica.</summary>
internal sealed class ConsoleEcho
{
    private static readonly ConsoleColor[] s_colors =
        [ConsoleColor.Cyan, ConsoleColor.Magenta, ConsoleColor.Yellow, ConsoleColor.Green, ConsoleColor.Blue, ConsoleColor.DarkCyan];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, ConsoleColor> _colors = new(StringComparer.Ordinal);

    public ConsoleEcho(ResourceLogStore logs) => logs.LineAdded += Write;

    private void Write(ResourceLogLine line)
    {
        lock (_gate)
        {
            if (!_colors.TryGetValue(line.Resource, out var color))
            {
                _colors[line.Resource] = color = s_colors[_colors.Count % s_colors.Length];
            }

            Console.ForegroundColor = line.IsError ? ConsoleColor.Red : color;
            Console.Write($"{line.ReplicaId,-14}| ");
            Console.ResetColor();
            Console.WriteLine(line.Text);
        }
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace Mensageria.Cli.Commands;

/// <summary><c>queues</c>: the operations panel's figures: backlog state, consumers, rates, workers online.</summary>
public static class QueuesCommand
{
    public static Command Create(GlobalOptions globals)
    {
        ArgumentNullException.ThrowIfNull(globals);
        var command = new Command("queues", "Show the order and dead-letter queues: backlog state, ready, unacked, consumers, rates");
        command.SetAction(globals.Run(async (context, cancellationToken) =>
        {
            var console = context.Console;
            var panel = await context.Client.GetQueuesAsync(cancellationToken);
            if (console.Json)
            {
                console.WriteJson(panel, CliJsonContext.Default.JsonElement);
                return ExitCodes.Success;
            }

            console.WriteTable(["QUEUE", "STATE", "READY", "UNACKED", "CONSUMERS", "IN/S", "OUT/S"],
                [Row(panel.GetProperty("orders")), Row(panel.GetProperty("deadLetters"))]);
            console.WriteLine();
            console.WriteLine($"Workers online: {panel.GetProperty("workersOnline").GetInt32()}");
            console.WriteLine($"Management UI:  {panel.GetProperty("managementUrl").GetString()}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static IReadOnlyList<string> Row(JsonElement queue) =>
    [
        queue.GetProperty("name").GetString()!,
        queue.GetProperty("state").GetString()!,
        queue.GetProperty("ready").GetInt64().ToString(CultureInfo.InvariantCulture),
        queue.GetProperty("unacked").GetInt64().ToString(CultureInfo.InvariantCulture),
        queue.GetProperty("consumers").GetInt32().ToString(CultureInfo.InvariantCulture),
        queue.GetProperty("publishRate").GetDouble().ToString("0.0", CultureInfo.InvariantCulture),
        queue.GetProperty("deliverRate").GetDouble().ToString("0.0", CultureInfo.InvariantCulture),
    ];
}

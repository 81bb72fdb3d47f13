using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Mensageria.Cli.Output;

namespace Mensageria.Cli.Commands;

/// <summary><c>dead-letters list</c> and <c>dead-letters replay</c>.</summary>
public static class DeadLettersCommand
{
    public static Command Create(GlobalOptions globals)
    {
        ArgumentNullException.ThrowIfNull(globals);
        return new Command("dead-letters", "List the orders that ended in the dead-letter queue, or replay them") { List(globals), Replay(globals) };
    }

    private static Command List(GlobalOptions globals)
    {
        var limit = new Option<int>("--limit") { Description = "How many, oldest first (1 to 100)", DefaultValueFactory = _ => 20 };
        var command = new Command("list", "List the oldest dead letters without removing them") { limit };
        command.SetAction(globals.Run(async (context, cancellationToken) =>
        {
            var console = context.Console;
            var letters = await context.Client.ListDeadLettersAsync(context.Parse.GetValue(limit), cancellationToken);
            if (console.Json)
            {
                console.WriteJson(letters, CliJsonContext.Default.JsonElement);
            }
            else if (letters.GetArrayLength() == 0)
            {
                console.WriteLine("No dead letters.");
            }
            else
            {
                console.WriteTable(["ORDER", "CUSTOMER", "FROM", "REASON", "DEATHS", "FIRST DEATH"], [.. letters.EnumerateArray().Select(Row)]);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Replay(GlobalOptions globals)
    {
        var command = new Command("replay", "Send every dead letter back to the order queue (each confirmed before it leaves the dead-letter queue)");
        command.SetAction(globals.Run(async (context, cancellationToken) =>
        {
            var result = await context.Client.ReplayDeadLettersAsync(cancellationToken);
            if (context.Console.Json)
            {
                context.Console.WriteJson(result, CliJsonContext.Default.JsonElement);
            }
            else
            {
                context.Console.WriteLine($"Replayed {result.GetProperty("replayed").GetInt32()} dead letter(s) to the order queue.");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static IReadOnlyList<string> Row(JsonElement letter) =>
    [
        JsonFields.Text(letter, "orderId"),
        JsonFields.Text(letter, "customerId"),
        JsonFields.Text(letter, "queue"),
        JsonFields.Text(letter, "reason"),
        letter.GetProperty("deaths").GetInt64().ToString(CultureInfo.InvariantCulture),
        letter.TryGetProperty("firstDeathAt", out var at) && at.ValueKind == JsonValueKind.String ? CliConsole.Time(at.GetDateTimeOffset()) : "",
    ];
}

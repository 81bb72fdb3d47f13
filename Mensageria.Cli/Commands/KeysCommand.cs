using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Mensageria.Cli.Output;

namespace Mensageria.Cli.Commands;

/// <summary><c>keys create</c>, <c>keys list</c> and <c>keys revoke</c>: the API keys of clients, for the operator.</summary>
public static class KeysCommand
{
    public static Command Create(GlobalOptions globals)
    {
        ArgumentNullException.ThrowIfNull(globals);
        return new Command("keys", "Create, list and revoke the API keys of clients (needs the operator secret)") { CreateKey(globals), List(globals), Revoke(globals) };
    }

    private static Command CreateKey(GlobalOptions globals)
    {
        var name = new Argument<string>("name") { Description = "Who the key is for, e.g. partner-x" };
        var expires = new Option<string>("--expires") { Description = "How long it lives: a number and s, m, h or d, up to 365d", DefaultValueFactory = _ => "30d" };
        var rate = new Option<int?>("--rate") { Description = "Requests per minute it may make (default: the web's setting, 600)" };
        var command = new Command("create", "Issue a key; it is shown this once, and only its hash is stored") { name, expires, rate };
        command.SetAction(globals.Run(async (context, cancellationToken) =>
        {
            var created = await context.Client.CreateKeyAsync(context.Parse.GetValue(name)!, context.Parse.GetValue(expires)!, context.Parse.GetValue(rate), cancellationToken);
            if (context.Console.Json)
            {
                context.Console.WriteJson(created, CliJsonContext.Default.JsonElement);
                return ExitCodes.Success;
            }

            var credential = created.GetProperty("credential");
            context.Console.WriteLine($"Key for {JsonFields.Text(credential, "name")} (id {JsonFields.Text(credential, "id")}), expires {Time(credential, "expiresAt")}:");
            context.Console.WriteLine(created.GetProperty("key").GetString()!);
            context.Console.WriteLine("It is shown this once. Send it as 'Authorization: Bearer KEY', or set MENSAGERIA_API_KEY.");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command List(GlobalOptions globals)
    {
        var command = new Command("list", "Every key with its state: Valid, ExpiringSoon, Expired or Revoked");
        command.SetAction(globals.Run(async (context, cancellationToken) =>
        {
            var console = context.Console;
            var panel = await context.Client.ListKeysAsync(cancellationToken);
            if (console.Json)
            {
                console.WriteJson(panel, CliJsonContext.Default.JsonElement);
                return ExitCodes.Success;
            }

            var keys = panel.GetProperty("keys");
            if (keys.GetArrayLength() == 0)
            {
                console.WriteLine("No keys yet: create one with 'mensageria keys create NAME'.");
                return ExitCodes.Success;
            }

            console.WriteTable(["NAME", "ID", "STATE", "CREATED", "LAST USED", "EXPIRES", "PER MINUTE"], [.. keys.EnumerateArray().Select(Row)]);
            console.WriteLine();
            console.WriteLine($"Expiring soon (within {JsonFields.Text(panel, "expiringSoonWindow")}): {panel.GetProperty("expiringSoon").GetInt32()}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Revoke(GlobalOptions globals)
    {
        var key = new Argument<string>("key") { Description = "The key's id, or its name when one unrevoked key has it" };
        var command = new Command("revoke", "Revoke a key: every request with it is refused from now on, on every API replica") { key };
        command.SetAction(globals.Run(async (context, cancellationToken) =>
        {
            var revoked = await context.Client.RevokeKeyAsync(context.Parse.GetValue(key)!, cancellationToken);
            if (context.Console.Json)
            {
                context.Console.WriteJson(revoked, CliJsonContext.Default.JsonElement);
            }
            else
            {
                context.Console.WriteLine($"Revoked {JsonFields.Text(revoked, "name")} (id {JsonFields.Text(revoked, "id")}).");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static IReadOnlyList<string> Row(JsonElement key) =>
    [
        JsonFields.Text(key, "name"),
        JsonFields.Text(key, "id"),
        JsonFields.Text(key, "state"),
        Time(key, "createdAt"),
        Time(key, "lastUsedAt"),
        Time(key, "expiresAt"),
        key.GetProperty("requestsPerMinute").GetInt32().ToString(CultureInfo.InvariantCulture),
    ];


    private static string Time(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetDateTimeOffset().ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : "never";
}

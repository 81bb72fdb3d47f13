using System.Text.Json;

namespace Mensageria.Cli.Output;

/// <summary>Reads the fields of a server's JSON for a table, a missing or null one as empty.</summary>
public static class JsonFields
{
    public static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}

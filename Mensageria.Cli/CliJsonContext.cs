using System.Text.Json;
using System.Text.Json.Serialization;
using Mensageria.Cli.Services;

namespace Mensageria.Cli;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, WriteIndented = true)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(OrderBodyDto))]
[JsonSerializable(typeof(KeyBodyDto))]
internal sealed partial class CliJsonContext : JsonSerializerContext;

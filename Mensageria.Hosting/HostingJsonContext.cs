using System.Text.Json.Serialization;
using Mensageria.Hosting.Lifecycle;
using Mensageria.Hosting.Processes;

namespace Mensageria.Hosting;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(List<ProcessLedgerEntry>))]
[JsonSerializable(typeof(IReadOnlyList<ResourceSnapshot>))]
internal sealed partial class HostingJsonContext : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mensageria.Benchmarks.Results;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(BenchmarkReport))]
[JsonSerializable(typeof(Soak.SoakReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;

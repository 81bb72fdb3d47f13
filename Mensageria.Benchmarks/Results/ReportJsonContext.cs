using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mensageria.Benchmarks.Results;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(BenchmarkReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization;
using Mensageria.Dashboard.Telemetry;

namespace Mensageria.Dashboard.Api;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(IReadOnlyList<TraceSummary>))]
[JsonSerializable(typeof(TraceDetail))]
[JsonSerializable(typeof(IReadOnlyList<LogEntry>))]
[JsonSerializable(typeof(IReadOnlyList<MetricInstrument>))]
[JsonSerializable(typeof(IReadOnlyList<MetricPoint>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(TelemetryStatus))]
[JsonSerializable(typeof(List<ResourceView>))]
[JsonSerializable(typeof(List<ConsoleLine>))]
[JsonSerializable(typeof(DashboardInfo))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails))]
public sealed partial class DashboardJsonContext : JsonSerializerContext;

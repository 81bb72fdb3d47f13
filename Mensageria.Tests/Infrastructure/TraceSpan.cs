using System.Text.Json;

namespace Mensageria.Tests.Infrastructure;

/// <summary>One span of a trace as the Aspire dashboard's telemetry API returns it (OTLP JSON), flattened with its resource and scope.</summary>
public sealed record TraceSpan(
    string Resource, string Scope, string Name, string Kind, string SpanId, string? ParentSpanId, IReadOnlyDictionary<string, string> Attributes)
{
    // OTLP's SpanKind numbers.
    private static readonly string[] s_kinds = ["Unspecified", "Internal", "Server", "Client", "Producer", "Consumer"];

    /// <summary>Reads <c>data.resourceSpans[].scopeSpans[].spans[]</c>.</summary>
    public static IReadOnlyList<TraceSpan> Read(JsonElement response)
    {
        var spans = new List<TraceSpan>();
        if (!response.TryGetProperty("data", out var data) || !data.TryGetProperty("resourceSpans", out var resourceSpans))
        {
            return spans;
        }

        foreach (var resourceSpan in resourceSpans.EnumerateArray())
        {
            var resource = AttributesOf(resourceSpan.GetProperty("resource")).GetValueOrDefault("service.name", "");
            foreach (var scopeSpan in resourceSpan.GetProperty("scopeSpans").EnumerateArray())
            {
                var scope = scopeSpan.TryGetProperty("scope", out var s) && s.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
                foreach (var span in scopeSpan.GetProperty("spans").EnumerateArray())
                {
                    var parent = span.TryGetProperty("parentSpanId", out var p) && p.GetString() is { Length: > 0 } id ? id : null;
                    spans.Add(new TraceSpan(resource, scope, span.GetProperty("name").GetString()!, KindOf(span), span.GetProperty("spanId").GetString()!, parent, AttributesOf(span)));
                }
            }
        }

        return spans;
    }

    private static string KindOf(JsonElement span) =>
        span.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.Number ? s_kinds[kind.GetInt32()] : "Unspecified";

    private static Dictionary<string, string> AttributesOf(JsonElement element)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element.TryGetProperty("attributes", out var list))
        {
            foreach (var attribute in list.EnumerateArray())
            {
                var value = attribute.GetProperty("value");
                attributes[attribute.GetProperty("key").GetString()!] = value.EnumerateObject().FirstOrDefault().Value.ToString();
            }
        }

        return attributes;
    }
}

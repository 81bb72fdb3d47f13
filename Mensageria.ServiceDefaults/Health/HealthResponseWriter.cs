using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mensageria.ServiceDefaults.Health;

/// <summary>
/// Writes a health report as a small JSON document, so whoever sees a 503 also sees which check
/// failed and why. The status code is set by the health check middleware, not here.
/// </summary>
public static class HealthResponseWriter
{
    /// <summary>Writes <paramref name="report"/> to the response as JSON.</summary>
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);

        context.Response.ContentType = "application/json; charset=utf-8";

        // Relaxed escaping: the body is JSON read by people and tools, never embedded in HTML.
        await using var json = new Utf8JsonWriter(
            context.Response.Body,
            new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteNumber("durationMs", Math.Round(report.TotalDuration.TotalMilliseconds, 1));
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            // A check that threw has no description of its own; its exception says why.
            if ((entry.Description ?? entry.Exception?.Message) is { } description)
            {
                json.WriteString("description", description);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}

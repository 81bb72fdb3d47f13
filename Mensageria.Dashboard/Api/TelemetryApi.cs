using Mensageria.Dashboard.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mensageria.Dashboard.Api;

/// <summary>The JSON API under <c>/api/telemetry</c>, for the pages, scripts and tests.</summary>
internal static class TelemetryApi
{
    private const int MaxLimit = 5_000;

    public static void MapTelemetryApi(this IEndpointRouteBuilder endpoints, string host)
    {
        var telemetry = endpoints.MapGroup("/api/telemetry").RequireHost(host);

        telemetry.MapGet("/traces", Results<Ok<IReadOnlyList<TraceSummary>>, BadRequest<string>> (
            TelemetryStore store, string? resource, string? value, int? limit) =>
            InvalidLimit(limit) is { } invalid
                ? invalid
                : TypedResults.Ok(store.Traces.Find(Blank(resource), Blank(value), limit ?? 100)));

        telemetry.MapGet("/traces/{traceId}", Results<Ok<TraceDetail>, NotFound<string>> (TelemetryStore store, string traceId) =>
            store.Traces.Get(traceId.ToLowerInvariant()) is { } trace
                ? TypedResults.Ok(trace)
                : TypedResults.NotFound($"No trace {traceId} here: not received, or evicted (see /api/telemetry/status)."));

        telemetry.MapGet("/logs", Results<Ok<IReadOnlyList<LogEntry>>, BadRequest<string>> (
            TelemetryStore store, string? resource, string? level, string? text, string? traceId, long? after, int? limit) =>
        {
            if (InvalidLimit(limit) is { } invalid)
            {
                return invalid;
            }

            return LogLevels.TryGetMinSeverity(level, out var severity)
                ? TypedResults.Ok(store.Logs.Find(new LogQuery(Blank(resource), severity, Blank(text), Blank(traceId), after ?? 0, limit ?? 500)))
                : TypedResults.BadRequest($"'{level}' is not a level: use one of {LogLevels.Names}.");
        });

        telemetry.MapGet("/metrics", (TelemetryStore store, string? resource) => TypedResults.Ok(store.Metrics.Instruments(Blank(resource))));

        telemetry.MapGet("/metrics/{resource}/{name}", (TelemetryStore store, string resource, string name) =>
            TypedResults.Ok(store.Metrics.Points(resource, name)));

        telemetry.MapGet("/resources", (TelemetryStore store) =>
            TypedResults.Ok(store.Logs.Resources.Union(store.Metrics.Instruments().Select(i => i.Resource)).Order(StringComparer.Ordinal).ToList()));

        telemetry.MapGet("/status", (TelemetryStore store) => TypedResults.Ok(new TelemetryStatus(
            store.Traces.Count, store.Logs.Count, store.Metrics.PointCount, store.Limits, store.Evictions.Snapshot())));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static BadRequest<string>? InvalidLimit(int? limit) =>
        limit is < 1 or > MaxLimit ? TypedResults.BadRequest($"limit must be from 1 to {MaxLimit}; it is {limit}.") : null;
}

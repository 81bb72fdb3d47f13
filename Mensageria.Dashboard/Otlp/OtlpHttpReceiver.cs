using System.IO.Compression;
using Google.Protobuf;
using Mensageria.Dashboard.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace Mensageria.Dashboard.Otlp;

/// <summary>OTLP over HTTP with protobuf bodies (<c>/v1/traces</c>, <c>/v1/logs</c>, <c>/v1/metrics</c>), gzip or not.</summary>
internal static class OtlpHttpReceiver
{
    public const string ProtobufContentType = "application/x-protobuf";

    public static void MapOtlpHttp(this IEndpointRouteBuilder endpoints, string host)
    {
        var otlp = endpoints.MapGroup("/v1").RequireHost(host);
        Map(otlp, "/traces", ExportTraceServiceRequest.Parser, (ingestion, request) => ingestion.Ingest(request));
        Map(otlp, "/logs", ExportLogsServiceRequest.Parser, (ingestion, request) => ingestion.Ingest(request));
        Map(otlp, "/metrics", ExportMetricsServiceRequest.Parser, (ingestion, request) => ingestion.Ingest(request));
    }

    private static void Map<TRequest>(RouteGroupBuilder group, string path, MessageParser<TRequest> parser, Func<OtlpIngestion, TRequest, IMessage> ingest)
        where TRequest : IMessage<TRequest> =>
        group.MapPost(path, async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
            HttpRequest request, OtlpIngestion ingestion, DashboardOptions options, CancellationToken cancellationToken) =>
        {
            if (!SecretComparer.Matches(request.Headers[DashboardOptions.ApiKeyHeader], options.OtlpApiKey))
            {
                return TypedResults.Problem(
                    $"Missing or wrong '{DashboardOptions.ApiKeyHeader}' header: send the key the app host gives in OTEL_EXPORTER_OTLP_HEADERS.",
                    statusCode: StatusCodes.Status401Unauthorized);
            }

            if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), ProtobufContentType, StringComparison.OrdinalIgnoreCase))
            {
                return TypedResults.Problem(
                    $"Content-Type '{request.ContentType}' is not supported: send OTLP as protobuf with Content-Type {ProtobufContentType} (OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf).",
                    statusCode: StatusCodes.Status415UnsupportedMediaType);
            }

            TRequest message;
            try
            {
                message = parser.ParseFrom(await ReadBodyAsync(request, cancellationToken));
            }
            catch (Exception e) when (e is InvalidProtocolBufferException or InvalidDataException)
            {
                return TypedResults.Problem($"The body is not a readable OTLP export: {e.Message}", statusCode: StatusCodes.Status400BadRequest);
            }

            return TypedResults.Bytes(ingest(ingestion, message).ToByteArray(), ProtobufContentType);
        });

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        if (string.Equals(request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase))
        {
            await using var gzip = new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true);
            await gzip.CopyToAsync(buffer, cancellationToken);
        }
        else
        {
            await request.Body.CopyToAsync(buffer, cancellationToken);
        }

        return buffer.ToArray();
    }
}

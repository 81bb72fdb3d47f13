using Grpc.Core;
using OpenTelemetry.Proto.Collector.Logs.V1;

namespace Mensageria.Dashboard.Otlp;

/// <summary>The OTLP gRPC logs service: hands each export to the ingestion the HTTP receiver uses too.</summary>
internal sealed class LogsReceiver(OtlpIngestion ingestion) : LogsService.LogsServiceBase
{
    public override Task<ExportLogsServiceResponse> Export(ExportLogsServiceRequest request, ServerCallContext context) =>
        Task.FromResult(ingestion.Ingest(request));
}

using Grpc.Core;
using OpenTelemetry.Proto.Collector.Metrics.V1;

namespace Mensageria.Dashboard.Otlp;

/// <summary>The OTLP gRPC metrics service: hands each export to the ingestion the HTTP receiver uses too.</summary>
internal sealed class MetricsReceiver(OtlpIngestion ingestion) : MetricsService.MetricsServiceBase
{
    public override Task<ExportMetricsServiceResponse> Export(ExportMetricsServiceRequest request, ServerCallContext context) =>
        Task.FromResult(ingestion.Ingest(request));
}

using Grpc.Core;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace Mensageria.Dashboard.Otlp;

/// <summary>The OTLP gRPC trace service: hands each export to the ingestion the HTTP receiver uses too.</summary>
internal sealed class TraceReceiver(OtlpIngestion ingestion) : TraceService.TraceServiceBase
{
    public override Task<ExportTraceServiceResponse> Export(ExportTraceServiceRequest request, ServerCallContext context) =>
        Task.FromResult(ingestion.Ingest(request));
}

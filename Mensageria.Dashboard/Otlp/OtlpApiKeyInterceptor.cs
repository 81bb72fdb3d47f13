using Grpc.Core;
using Grpc.Core.Interceptors;
using Mensageria.Dashboard.Security;

namespace Mensageria.Dashboard.Otlp;

/// <summary>Refuses an OTLP gRPC export without the dashboard's API key with <c>Unauthenticated</c>.</summary>
internal sealed class OtlpApiKeyInterceptor(DashboardOptions options) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (!SecretComparer.Matches(context.RequestHeaders.GetValue(DashboardOptions.ApiKeyHeader), options.OtlpApiKey))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated,
                $"Missing or wrong '{DashboardOptions.ApiKeyHeader}' header: send the key the app host gives in OTEL_EXPORTER_OTLP_HEADERS."));
        }

        return continuation(request, context);
    }
}

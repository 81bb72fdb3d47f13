namespace Mensageria.Dashboard;

internal static partial class DashboardLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard: {LoginUrl}")]
    public static partial void LoginUrl(ILogger logger, Uri loginUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "OTLP: gRPC {GrpcUrl}, HTTP/protobuf {HttpUrl}; header x-otlp-api-key={ApiKey}")]
    public static partial void OtlpEndpoints(ILogger logger, string grpcUrl, string httpUrl, string apiKey);
}

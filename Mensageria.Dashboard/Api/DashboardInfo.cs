namespace Mensageria.Dashboard.Api;

/// <summary>What the pages need to know of the dashboard itself: whether it runs inside an app host (and so has resources), and where OTLP goes.</summary>
public sealed record DashboardInfo(bool HasResources, string OtlpGrpcUrl, string OtlpHttpUrl);

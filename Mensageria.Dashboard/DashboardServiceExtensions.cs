using Mensageria.Dashboard.Api;
using Mensageria.Dashboard.Otlp;
using Mensageria.Dashboard.Security;
using Mensageria.Dashboard.Telemetry;
using Mensageria.Hosting.Lifecycle;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Mensageria.Dashboard;

/// <summary>
/// The dashboard as a web application: three local ports (pages and JSON API; OTLP over gRPC,
/// HTTP/2 only; OTLP over HTTP/protobuf), the store, and the endpoints of each port.
/// </summary>
public static class DashboardServiceExtensions
{
    /// <summary>Configures Kestrel and the services; <paramref name="store"/> is shared with whoever hosts the dashboard.</summary>
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder, DashboardOptions options, TelemetryStore store)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ListenLocalhost(options.Port);
            kestrel.ListenLocalhost(options.OtlpGrpcPort, listen => listen.Protocols = HttpProtocols.Http2);
            // HTTP/1.1 only: without TLS, a port cannot offer both (Kestrel would warn, then speak HTTP/1.1 anyway),
            // and OTLP/HTTP exporters send HTTP/1.1.
            kestrel.ListenLocalhost(options.OtlpHttpPort, listen => listen.Protocols = HttpProtocols.Http1);
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton<OtlpIngestion>();
        builder.Services.AddSingleton<OtlpApiKeyInterceptor>();
        builder.Services.AddGrpc(grpc =>
        {
            grpc.Interceptors.Add<OtlpApiKeyInterceptor>();
            grpc.MaxReceiveMessageSize = 64 * 1024 * 1024;
        });
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, DashboardJsonContext.Default));
        return builder;
    }

    /// <summary>Maps each port's endpoints; the resources API only where the app host's resource services are registered.</summary>
    public static WebApplication MapDashboard(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<DashboardOptions>();
        var ui = $"*:{options.Port}";
        app.UseWhen(context => context.Connection.LocalPort == options.Port, guarded => guarded.UseMiddleware<BrowserLoginMiddleware>());

        app.MapGrpcService<TraceReceiver>().RequireHost($"*:{options.OtlpGrpcPort}");
        app.MapGrpcService<LogsReceiver>().RequireHost($"*:{options.OtlpGrpcPort}");
        app.MapGrpcService<MetricsReceiver>().RequireHost($"*:{options.OtlpGrpcPort}");
        app.MapOtlpHttp($"*:{options.OtlpHttpPort}");

        var hasResources = app.Services.GetService<ResourceNotificationService>() is not null;
        app.MapLogin(ui);
        app.MapDashboardPages(ui);
        app.MapTelemetryApi(ui);
        app.MapGet("/api/info", () => TypedResults.Ok(new DashboardInfo(hasResources, options.OtlpGrpcUrl, options.OtlpHttpUrl))).RequireHost(ui);
        if (hasResources)
        {
            app.MapResourcesApi(ui);
        }

        return app;
    }
}

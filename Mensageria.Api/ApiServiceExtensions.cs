using Mensageria.Api.Orders;
using Mensageria.Messaging.Orders;
using Scalar.AspNetCore;

namespace Mensageria.Api;

public static class ApiServiceExtensions
{
    /// <summary>The order API's services: placement, problem details, JSON, OpenAPI, and seeding the catalog.</summary>
    public static IHostApplicationBuilder AddOrdersApi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddOrderMessaging();
        builder.Services.AddSingleton<OrderPlacement>();
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        builder.Services.AddOpenApi();
        builder.Services.AddHostedService<StartupTasks>();
        return builder;
    }

    /// <summary>
    /// The OpenAPI document (<c>/openapi/v1.json</c>) and its reference page (<c>/scalar</c>), served by
    /// the API itself; and problem details for answers that come with no body of their own (a 415 from routing).
    /// </summary>
    public static WebApplication MapApiReference(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapScalarApiReference();
        return app;
    }
}

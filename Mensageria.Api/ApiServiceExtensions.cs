using Mensageria.Api.Credentials;
using Mensageria.Api.Orders;
using Mensageria.Messaging;
using Mensageria.Messaging.Orders;
using Scalar.AspNetCore;
using StackExchange.Redis;

namespace Mensageria.Api;

public static class ApiServiceExtensions
{
    /// <summary>The order API's services: placement with its backlog bound, quotes, problem details, JSON, OpenAPI, and seeding the catalog.</summary>
    public static IHostApplicationBuilder AddOrdersApi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddOrderMessaging();
        builder.Services.AddSingleton<OrderPlacement>();
        builder.AddRpcClient();
        builder.Services.Configure<QuoteOptions>(builder.Configuration.GetSection(QuoteOptions.ConfigurationSection));
        builder.Services.Configure<BacklogOptions>(builder.Configuration.GetSection(BacklogOptions.ConfigurationSection));
        builder.Services.AddSingleton<OrderBacklog>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OrderBacklog>());
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer<BearerSecuritySchemeTransformer>());
        builder.Services.AddSingleton<StartupTasks>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<StartupTasks>());
        builder.Services.AddHealthChecks().AddCheck<StartupTasks>("startup", tags: ["ready"]);
        builder.Services.AddExceptionHandler<ServiceUnavailableHandler>();
        return builder;
    }

    /// <summary>
    /// Redis settings for a request path: while Redis is unreachable, commands fail at once instead of
    /// waiting in the reconnect backlog, and slow ones give up after a second, so a client gets its
    /// 503 within two seconds rather than a hang.
    /// </summary>
    public static void FailFast(ConfigurationOptions redis)
    {
        ArgumentNullException.ThrowIfNull(redis);
        redis.BacklogPolicy = BacklogPolicy.FailFast;
        redis.AsyncTimeout = redis.SyncTimeout = 1000;
    }

    /// <summary>
    /// The OpenAPI document (<c>/openapi/v1.json</c>) and its reference page (<c>/scalar</c>), served by
    /// the API itself; and problem details for failures and for answers that come with no body of their own (a 415 from routing).
    /// </summary>
    public static WebApplication MapApiReference(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        // Everything from the API itself: no fonts from a CDN, so the page works with no internet.
        app.MapScalarApiReference(options => options.DisableDefaultFonts());
        return app;
    }
}

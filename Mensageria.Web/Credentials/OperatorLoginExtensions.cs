using Mensageria.Messaging.Credentials;
using Mensageria.Messaging.Orders;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using StackExchange.Redis;

namespace Mensageria.Web.Credentials;

public static class OperatorLoginExtensions
{
    /// <summary>
    /// The operator's login for <c>/ops</c>: a cookie session for the browser, the secret as a bearer token for
    /// scripts, and the key store the panel manages (needs the cache client). The cookie's keys live in Redis,
    /// so every web replica reads every session, and a restart logs no one out.
    /// </summary>
    public static IHostApplicationBuilder AddOperatorLogin(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddApiKeyStore();
        builder.Services.AddProblemDetails();
        builder.Services.AddDataProtection().SetApplicationName("mensageria-web");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((options, redis) =>
            options.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), RedisKeys.Prefix + "data-protection-keys"));
        builder.Services.AddAuthentication(OperatorDefaults.Scheme)
            .AddPolicyScheme(OperatorDefaults.Scheme, "Operator", options =>
                options.ForwardDefaultSelector = context => BearerToken.IsPresent(context.Request) ? OperatorDefaults.BearerScheme : OperatorDefaults.CookieScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, OperatorBearerHandler>(OperatorDefaults.BearerScheme, null)
            .AddCookie(OperatorDefaults.CookieScheme, options =>
            {
                options.Cookie.Name = OperatorDefaults.CookieName;
                options.Cookie.HttpOnly = true;
                // Never sent by another site's page: a forged form cannot replay dead letters or revoke keys.
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
                options.SlidingExpiration = true;
                // An API answers 401/403 with problem details, not a redirect to a login page.
                options.Events.OnRedirectToLogin = context =>
                {
                    context.Response.Headers.WWWAuthenticate = BearerToken.Challenge();
                    return CredentialProblem.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "The operator login is required.", OperatorLoginApi.Hint);
                };
                options.Events.OnRedirectToAccessDenied = context =>
                    CredentialProblem.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Operators only.", OperatorLoginApi.Hint);
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(OperatorDefaults.Policy, policy => policy.AddAuthenticationSchemes(OperatorDefaults.Scheme).RequireRole(OperatorDefaults.Role));
        return builder;
    }

    /// <summary>
    /// The login's middleware, after the exception handler (ASP.NET Core would otherwise put it first), so a Redis
    /// that cannot check a key or read the cookie's keys makes a 503 with Retry-After, as any Redis failure does.
    /// </summary>
    public static WebApplication UseOperatorLogin(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}

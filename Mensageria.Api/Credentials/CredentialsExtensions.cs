using Mensageria.Api.Credentials;

namespace Mensageria.Api;

public static class CredentialsExtensions
{
    /// <summary>API keys for every <c>/api</c> call: the key store in Redis, the service keys from configuration.</summary>
    public static IHostApplicationBuilder AddApiKeyAuthentication(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddApiKeyStore();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddOptions<ApiKeyAuthenticationOptions>(ApiKeyAuthenticationHandler.SchemeName)
            .Bind(builder.Configuration.GetSection(ApiKeyAuthenticationOptions.ConfigurationSection));
        builder.Services.AddAuthorization();
        return builder;
    }

    /// <summary>
    /// Checks keys after the exception handler (ASP.NET Core would otherwise put authentication first), so a Redis
    /// that cannot check a key makes a 503 with Retry-After, as any Redis failure does.
    /// </summary>
    public static WebApplication UseApiKeyAuthentication(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}

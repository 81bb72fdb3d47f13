using Mensageria.ServiceDefaults.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

/// <summary>Maps the health endpoints every service exposes.</summary>
public static class DefaultEndpointsExtensions
{
    /// <summary>
    /// Maps <c>/health</c> (every check must pass: 200, else 503) and <c>/alive</c> (only the
    /// <c>live</c> checks). Mapped in every environment: the app host polls <c>/health</c>
    /// to learn when a service is ready.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.MapHealthChecks(DefaultHealthEndpoints.HealthPath, new HealthCheckOptions
        {
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });

        app.MapHealthChecks(DefaultHealthEndpoints.AlivePath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(DefaultHealthEndpoints.LiveTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });

        return app;
    }
}

using Mensageria.ServiceDefaults.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers the health checks every service has.</summary>
public static class HealthCheckExtensions
{
    /// <summary>Adds a <c>self</c> check tagged <c>live</c>: if the process answers, it is alive.</summary>
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddHealthChecks()
            .AddCheck(
                DefaultHealthEndpoints.SelfCheckName,
                () => HealthCheckResult.Healthy(),
                [DefaultHealthEndpoints.LiveTag]);

        return builder;
    }
}

using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting;

/// <summary>Gives a service the Aspire dashboard's address, so its pages can link an order to its trace.</summary>
internal static class DashboardLinkExtensions
{
    public static IResourceBuilder<ProjectResource> WithDashboardLinks(this IResourceBuilder<ProjectResource> builder)
    {
        // The dashboard listens on the app host's own URL (its launch profile); none when it is disabled, as in tests.
        if (builder.ApplicationBuilder.Configuration["ASPNETCORE_URLS"]?.Split(';')[0] is { Length: > 0 } dashboard)
        {
            builder.WithEnvironment("Mensageria__Operations__DashboardUrl", dashboard);
        }

        return builder;
    }
}

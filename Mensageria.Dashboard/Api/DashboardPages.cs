using Microsoft.Extensions.FileProviders;

namespace Mensageria.Dashboard.Api;

/// <summary>
/// The pages (one HTML shell; its script draws the page named by the path) and their assets,
/// embedded in the assembly so the dashboard serves them from wherever it runs, the app host included.
/// </summary>
internal static class DashboardPages
{
    private static readonly string[] s_pages = ["/", "/resources", "/console", "/console/{resource}", "/logs", "/traces", "/traces/{traceId}", "/metrics"];

    private static readonly Dictionary<string, string> s_assets = new(StringComparer.Ordinal)
    {
        ["app.js"] = "text/javascript; charset=utf-8",
        ["app.css"] = "text/css; charset=utf-8",
        ["favicon.svg"] = "image/svg+xml",
    };

    public static void MapDashboardPages(this IEndpointRouteBuilder endpoints, string host)
    {
        var files = new EmbeddedFileProvider(typeof(DashboardPages).Assembly, "Mensageria.Dashboard.wwwroot");
        foreach (var page in s_pages)
        {
            endpoints.MapGet(page, () => TypedResults.Stream(files.GetFileInfo("index.html").CreateReadStream(), "text/html; charset=utf-8"))
                .RequireHost(host);
        }

        foreach (var (name, contentType) in s_assets)
        {
            endpoints.MapGet($"/{name}", () => TypedResults.Stream(files.GetFileInfo(name).CreateReadStream(), contentType)).RequireHost(host);
        }
    }
}

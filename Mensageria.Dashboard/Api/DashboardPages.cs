using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Mensageria.Dashboard.Api;

/// <summary>
/// The pages (one HTML shell; its scripts draw the page named by the path) and their assets,
/// embedded in the assembly so the dashboard serves them from wherever it runs, the app host included.
/// </summary>
internal static class DashboardPages
{
    private const string Shell = "index.html";

    private static readonly string[] s_pages = ["/", "/resources", "/console", "/console/{resource}", "/logs", "/traces", "/traces/{traceId}", "/metrics"];

    public static void MapDashboardPages(this IEndpointRouteBuilder endpoints, string host)
    {
        var files = new EmbeddedFileProvider(typeof(DashboardPages).Assembly, "Mensageria.Dashboard.wwwroot");
        foreach (var page in s_pages)
        {
            endpoints.MapGet(page, () => TypedResults.Stream(files.GetFileInfo(Shell).CreateReadStream(), "text/html; charset=utf-8")).RequireHost(host);
        }

        var contentTypes = new FileExtensionContentTypeProvider();
        foreach (var asset in files.GetDirectoryContents("").Where(f => f.Name != Shell))
        {
            var contentType = contentTypes.TryGetContentType(asset.Name, out var type) ? type : "application/octet-stream";
            endpoints.MapGet($"/{asset.Name}", () => TypedResults.Stream(files.GetFileInfo(asset.Name).CreateReadStream(), contentType)).RequireHost(host);
        }
    }
}

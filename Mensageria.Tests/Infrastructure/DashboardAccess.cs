using System.Net.Http.Headers;
using Mensageria.Dashboard;
using Mensageria.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Mensageria.Tests.Infrastructure;

/// <summary>The dashboard of a test's app: its addresses and secrets, and an API client logged in with the bearer token.</summary>
internal static class DashboardAccess
{
    public static DashboardOptions Options(DistributedApplication app) => app.Services.GetRequiredService<DashboardOptions>();

    public static HttpClient ApiClient(DistributedApplication app)
    {
        var options = Options(app);
        var http = new HttpClient { BaseAddress = options.Url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.BrowserToken);
        return http;
    }
}

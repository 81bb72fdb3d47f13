using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mensageria.Hosting.Runners;

/// <summary>A project replica is ready when its <c>/health</c> endpoint answers 200.</summary>
internal static class HttpHealthProbe
{
    private static readonly HttpClient s_http = new() { Timeout = TimeSpan.FromSeconds(2) };

    public static async Task<HealthCheckResult> CheckAsync(string baseUrl, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await s_http.GetAsync($"{baseUrl}/health", cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return HealthCheckResult.Healthy();
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return HealthCheckResult.Unhealthy($"/health answered {(int)response.StatusCode} {body}".Trim());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"/health unreachable: {e.Message}");
        }
    }
}

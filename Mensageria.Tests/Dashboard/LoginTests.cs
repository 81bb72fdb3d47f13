using System.Net;
using System.Net.Http.Headers;

namespace Mensageria.Tests.Dashboard;

public sealed class LoginTests(StandaloneDashboard dashboard) : IClassFixture<StandaloneDashboard>
{
    [Fact]
    public async Task Without_the_token_the_API_answers_401_and_pages_send_to_the_login_form()
    {
        using var http = Client(allowRedirect: false);

        using var api = await http.GetAsync(new Uri("/api/telemetry/traces", UriKind.Relative), TestContext.Current.CancellationToken);
        using var page = await http.GetAsync(new Uri("/traces/0af7651916cd43dd8448eb211c80319c", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/login?return=%2Ftraces%2F0af7651916cd43dd8448eb211c80319c", page.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_wrong_token_shows_the_login_form_with_401()
    {
        using var http = Client(allowRedirect: false);

        using var response = await http.GetAsync(new Uri("/login?t=guess", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("id=\"login-error\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task The_token_is_exchanged_for_an_HttpOnly_strict_cookie_that_opens_pages_and_API()
    {
        using var http = Client(allowRedirect: false);

        using var login = await http.GetAsync(new Uri($"/login?t={dashboard.Options.BrowserToken}&return=/logs", UriKind.Relative), TestContext.Current.CancellationToken);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        using var api = await http.GetAsync(new Uri("/api/telemetry/status", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/logs", login.Headers.Location?.OriginalString);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task A_bearer_token_opens_the_API_for_scripts()
    {
        using var http = Client(allowRedirect: false);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", dashboard.Options.BrowserToken);

        using var response = await http.GetAsync(new Uri("/api/telemetry/logs?level=Warning", UriKind.Relative), TestContext.Current.CancellationToken);
        using var invalid = await http.GetAsync(new Uri("/api/telemetry/logs?level=Loud", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("Information", await invalid.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_login_form_never_redirects_off_the_dashboard()
    {
        using var http = Client(allowRedirect: false);

        using var response = await http.GetAsync(new Uri($"/login?t={dashboard.Options.BrowserToken}&return=//evil.example", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    private HttpClient Client(bool allowRedirect) =>
        new(new HttpClientHandler { AllowAutoRedirect = allowRedirect, UseCookies = true }) { BaseAddress = dashboard.Options.Url };
}

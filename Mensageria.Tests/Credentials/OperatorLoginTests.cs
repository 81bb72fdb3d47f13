using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mensageria.Tests.Infrastructure;

namespace Mensageria.Tests.Credentials;

/// <summary>The operations endpoints behind the operator's login, and the shop and feed still open to all.</summary>
[Collection(SharedAppDefinition.Name)]
public sealed class OperatorLoginTests(AppHostFixture fixture)
{
    [Theory]
    [InlineData("GET", "/ops/queues")]
    [InlineData("GET", "/ops/dead-letters")]
    [InlineData("POST", "/ops/dead-letters/replay")]
    [InlineData("GET", "/ops/credentials")]
    [InlineData("POST", "/ops/credentials")]
    [InlineData("POST", "/ops/credentials/partner-x/revoke")]
    [InlineData("GET", "/ops/session")]
    public async Task Every_operations_endpoint_is_401_without_the_login(string method, string path)
    {
        using var web = new HttpClient { BaseAddress = fixture.App.GetEndpoint("web") };

        using var response = await web.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("operator", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_operator_secret_as_a_bearer_token_opens_the_panel_and_a_wrong_one_does_not()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var right = TestCredentials.Operator(fixture.App);
        using var wrong = TestCredentials.Client(fixture.App, "web", TestCredentials.OperatorSecret[..^1] + "x");

        using var allowed = await right.GetAsync(new Uri("/ops/queues", UriKind.Relative), cancellationToken);
        using var refused = await wrong.GetAsync(new Uri("/ops/queues", UriKind.Relative), cancellationToken);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("error=\"invalid_token\"", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_key_is_forbidden_on_the_operations_endpoints()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var keys = new KeysClient(fixture.App);
        var (_, key) = await keys.CreateAsync("client-not-operator", cancellationToken: cancellationToken);
        using var client = TestCredentials.Client(fixture.App, "web", key);

        using var response = await client.PostAsync(new Uri("/ops/dead-letters/replay", UriKind.Relative), null, cancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("client API key", await response.Content.ReadAsStringAsync(cancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_session_starts_with_the_secret_and_ends_at_logout()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = fixture.App.GetEndpoint("web") };

        using (var wrong = await browser.PostAsJsonAsync(new Uri("/ops/login", UriKind.Relative), new { secret = "guess" }, cancellationToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using (var login = await browser.PostAsJsonAsync(new Uri("/ops/login", UriKind.Relative), new { secret = TestCredentials.OperatorSecret }, cancellationToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
            var cookie = login.Headers.GetValues("Set-Cookie").Single();
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        }

        using (var panel = await browser.GetAsync(new Uri("/ops/queues", UriKind.Relative), cancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, panel.StatusCode);
        }

        using (await browser.PostAsync(new Uri("/ops/logout", UriKind.Relative), null, cancellationToken))
        using (var after = await browser.GetAsync(new Uri("/ops/queues", UriKind.Relative), cancellationToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        }
    }

    [Theory]
    [InlineData("""{"name":"","expires":"30d"}""", "name")]
    [InlineData("""{"name":"has space","expires":"30d"}""", "name")]
    [InlineData("""{"name":"ok","expires":"forever"}""", "expires")]
    [InlineData("""{"name":"ok","expires":"366d"}""", "expires")]
    [InlineData("""{"name":"ok","expires":"0s"}""", "expires")]
    [InlineData("""{"name":"ok","expires":"30d","requestsPerMinute":0}""", "requestsPerMinute")]
    public async Task A_key_request_with_bad_input_is_400_naming_the_field_and_creates_nothing(string body, string field)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var keys = new KeysClient(fixture.App);
        using var ops = TestCredentials.Operator(fixture.App);
        var before = (await keys.ListAsync(cancellationToken)).GetProperty("keys").GetArrayLength();

        using var response = await ops.PostAsync(new Uri("/ops/credentials", UriKind.Relative),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), cancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(before, (await keys.ListAsync(cancellationToken)).GetProperty("keys").GetArrayLength());
    }

    [Fact]
    public async Task Revoking_an_unknown_key_is_404()
    {
        using var ops = TestCredentials.Operator(fixture.App);

        using var response = await ops.PostAsync(new Uri("/ops/credentials/nobody-has-this/revoke", UriKind.Relative), null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_shop_and_its_links_stay_open_to_everyone()
    {
        using var web = new HttpClient { BaseAddress = fixture.App.GetEndpoint("web") };

        using var products = await web.GetAsync(new Uri("/shop/products", UriKind.Relative), TestContext.Current.CancellationToken);
        using var links = await web.GetAsync(new Uri("/shop/links", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, products.StatusCode);
        Assert.Equal(HttpStatusCode.OK, links.StatusCode);
    }
}

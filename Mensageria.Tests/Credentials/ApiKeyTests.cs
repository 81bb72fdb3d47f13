using System.Net;
using System.Text.Json;
using Mensageria.Tests.Infrastructure;

namespace Mensageria.Tests.Credentials;

/// <summary>The order API's keys against the shared app: every way a key is refused, and what a good one may do.</summary>
[Collection(SharedAppDefinition.Name)]
public sealed class ApiKeyTests(AppHostFixture fixture)
{
    [Fact]
    public async Task An_order_without_a_key_is_401_with_a_bare_challenge_and_is_not_placed()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var anonymous = new OrdersClient(new HttpClient { BaseAddress = fixture.App.GetEndpoint("api") });

        using var response = await anonymous.PlaceAsync("no-key", [("TEA-001", 1)], cancellationToken: cancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer realm=\"mensageria\"", response.Headers.WwwAuthenticate.ToString());
        await AssertProblemAsync(response, 401, "Authorization: Bearer KEY", cancellationToken);
        await AssertNoOrderOfAsync("no-key", cancellationToken);
    }

    [Theory]
    [InlineData("Bearer mk_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "not one this API issued")]
    [InlineData("Bearer not-a-key", "not one this API issued")]
    [InlineData("Basic dXNlcjpwYXNz", "not one this API issued")]
    [InlineData("Bearer ", "not one this API issued")]
    public async Task An_unknown_or_malformed_key_is_401_invalid_token(string authorization, string detail)
    {
        using var keys = new KeysClient(fixture.App);

        using var response = await keys.CallApiAsync(authorization, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        await AssertProblemAsync(response, 401, detail, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_key_with_the_right_id_and_a_wrong_secret_is_unknown()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var keys = new KeysClient(fixture.App);
        var (_, key) = await keys.CreateAsync("wrong-secret", cancellationToken: cancellationToken);

        using var response = await keys.CallApiAsync($"Bearer {key[..^4]}AAAA", cancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertProblemAsync(response, 401, "not one this API issued", cancellationToken);
    }

    [Fact]
    public async Task A_client_key_places_orders_and_its_last_use_is_recorded()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var keys = new KeysClient(fixture.App);
        var (id, key) = await keys.CreateAsync("partner-orders", cancellationToken: cancellationToken);
        Assert.Equal(JsonValueKind.Null, (await keys.GetAsync(id, cancellationToken)).GetProperty("lastUsedAt").ValueKind);

        using var orders = OrdersClient.For(fixture.App);
        orders.Http.DefaultRequestHeaders.Authorization = new("Bearer", key);
        var orderId = await orders.PlaceAcceptedAsync("partner-customer", [("TEA-001", 1)], cancellationToken);

        Assert.Equal("Completed", (await orders.WaitUntilDoneAsync(orderId, cancellationToken)).Status.ToString());
        var listed = await keys.GetAsync(id, cancellationToken);
        Assert.Equal(JsonValueKind.String, listed.GetProperty("lastUsedAt").ValueKind);
        Assert.Equal("Valid", listed.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_revoked_key_is_refused_on_the_very_next_request()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var keys = new KeysClient(fixture.App);
        var (id, key) = await keys.CreateAsync("to-revoke", cancellationToken: cancellationToken);
        using (var before = await keys.CallApiAsync($"Bearer {key}", cancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await keys.RevokeAsync(id, cancellationToken);

        using var after = await keys.CallApiAsync($"Bearer {key}", cancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("error=\"invalid_token\"", after.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        await AssertProblemAsync(after, 401, "The key 'to-revoke' has been revoked.", cancellationToken);
        Assert.Equal("Revoked", (await keys.GetAsync(id, cancellationToken)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_key_past_its_expiry_is_401_expired()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var keys = new KeysClient(fixture.App);
        var (id, key) = await keys.CreateAsync("short-lived", expires: "2s", cancellationToken: cancellationToken);

        // The key works until its expiry passes, then never again: wait for that moment, with a deadline.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        HttpResponseMessage response;
        while ((response = await keys.CallApiAsync($"Bearer {key}", timeout.Token)).StatusCode == HttpStatusCode.OK)
        {
            response.Dispose();
            await Task.Delay(200, timeout.Token);
        }

        using (response)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            await AssertProblemAsync(response, 401, "The key 'short-lived' has expired", cancellationToken);
        }

        Assert.Equal("Expired", (await keys.GetAsync(id, cancellationToken)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_key_over_its_rate_is_429_with_Retry_After_and_places_nothing()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var keys = new KeysClient(fixture.App);
        var (_, key) = await keys.CreateAsync("slow-partner", requestsPerMinute: 3, cancellationToken: cancellationToken);
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await keys.CallApiAsync($"Bearer {key}", cancellationToken);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var orders = OrdersClient.For(fixture.App);
        orders.Http.DefaultRequestHeaders.Authorization = new("Bearer", key);
        using var limited = await orders.PlaceAsync("over-rate", [("TEA-001", 1)], cancellationToken: cancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        await AssertProblemAsync(limited, 429, "over its requests per minute", cancellationToken);
        await AssertNoOrderOfAsync("over-rate", cancellationToken);
    }

    [Fact]
    public async Task The_shop_places_orders_for_shoppers_without_a_key()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var web = fixture.App.CreateHttpClient("web");

        using var response = await web.PostAsync(new Uri("/shop/orders", UriKind.Relative),
            new StringContent("""{"customerId":"shopper-no-key","lines":[{"sku":"TEA-002","quantity":1}]}""", System.Text.Encoding.UTF8, "application/json"), cancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status, string detail, CancellationToken cancellationToken)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task AssertNoOrderOfAsync(string customerId, CancellationToken cancellationToken)
    {
        using var orders = OrdersClient.For(fixture.App);
        var recent = await orders.Http.GetStringAsync(new Uri("/api/orders?limit=500", UriKind.Relative), cancellationToken);
        Assert.DoesNotContain($"\"{customerId}\"", recent, StringComparison.Ordinal);
    }
}

using System.Net.Http.Json;
using System.Text.Json;

namespace Mensageria.Tests.Infrastructure;

/// <summary>The operator's key endpoints (<c>/ops/credentials</c>) as a test uses them, and API calls made with a key.</summary>
internal sealed class KeysClient(DistributedApplication app) : IDisposable
{
    private readonly HttpClient _operator = TestCredentials.Operator(app);

    /// <summary>Issues a key that must be created; returns its id and the key itself.</summary>
    public async Task<(string Id, string Key)> CreateAsync(string name, string expires = "30d", int? requestsPerMinute = null, CancellationToken cancellationToken = default)
    {
        using var response = await _operator.PostAsJsonAsync(new Uri("/ops/credentials", UriKind.Relative), new { name, expires, requestsPerMinute }, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {body}");
        var created = JsonDocument.Parse(body).RootElement;
        return (created.GetProperty("credential").GetProperty("id").GetString()!, created.GetProperty("key").GetString()!);
    }

    public async Task RevokeAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await _operator.PostAsync(new Uri($"/ops/credentials/{id}/revoke", UriKind.Relative), null, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The key as <c>GET /ops/credentials</c> lists it.</summary>
    public async Task<JsonElement> GetAsync(string id, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("id").GetString() == id);

    public async Task<JsonElement> ListAsync(CancellationToken cancellationToken) =>
        JsonDocument.Parse(await _operator.GetStringAsync(new Uri("/ops/credentials", UriKind.Relative), cancellationToken)).RootElement.Clone();

    /// <summary><c>GET /api/products</c> with <paramref name="authorization"/> as the whole Authorization header (none when null).</summary>
    public async Task<HttpResponseMessage> CallApiAsync(string? authorization, CancellationToken cancellationToken, Uri? api = null)
    {
        using var http = new HttpClient { BaseAddress = api ?? app.GetEndpoint("api") };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/products");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await http.SendAsync(request, cancellationToken);
    }

    public void Dispose() => _operator.Dispose();
}

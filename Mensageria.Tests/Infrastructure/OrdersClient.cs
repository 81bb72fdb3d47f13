using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Mensageria.Messaging.Contracts;
using Mensageria.Messaging.Orders;

namespace Mensageria.Tests.Infrastructure;

/// <summary>The order API as a test uses it: place orders, read them, wait for them to finish.</summary>
internal sealed class OrdersClient(HttpClient http) : IDisposable
{
    public static readonly TimeSpan ProcessingTimeout = TimeSpan.FromMinutes(2);
    private static readonly JsonSerializerOptions s_json = MessagingJsonContext.Default.Options;

    /// <summary>The API with the web's service key: no rate to hit, as the tests place orders in bursts.</summary>
    public static OrdersClient For(DistributedApplication app) => new(TestCredentials.Client(app, "api", TestCredentials.ServiceKey));

    public HttpClient Http => http;

    /// <summary>The same API with the same key, giving up on a request after <paramref name="timeout"/>.</summary>
    public OrdersClient WithTimeout(TimeSpan timeout) => new(new HttpClient
    {
        BaseAddress = http.BaseAddress,
        Timeout = timeout,
        DefaultRequestHeaders = { Authorization = http.DefaultRequestHeaders.Authorization },
    });

    public Task<HttpResponseMessage> PlaceAsync(string customerId, IEnumerable<(string Sku, int Quantity)> lines, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        PostRawAsync(Body(customerId, lines), idempotencyKey, cancellationToken: cancellationToken);

    /// <summary>Asks for a quote: <c>POST /api/orders/quote</c> with an order's body.</summary>
    public Task<HttpResponseMessage> QuoteAsync(string customerId, IEnumerable<(string Sku, int Quantity)> lines, CancellationToken cancellationToken = default) =>
        PostRawAsync(Body(customerId, lines), path: "/api/orders/quote", cancellationToken: cancellationToken);

    public async Task<HttpResponseMessage> PostRawAsync(
        string? body, string? idempotencyKey = null, string contentType = "application/json", string path = "/api/orders", CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await http.SendAsync(request, cancellationToken);
    }

    /// <summary>Places an order that must be accepted, and returns its id.</summary>
    public async Task<string> PlaceAcceptedAsync(string customerId, IEnumerable<(string Sku, int Quantity)> lines, CancellationToken cancellationToken)
    {
        using var response = await PlaceAsync(customerId, lines, cancellationToken: cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"Expected 202, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("orderId").GetString()!;
    }

    public async Task<OrderRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri($"/api/orders/{id}", UriKind.Relative), cancellationToken);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<OrderRecord>(s_json, cancellationToken) : null;
    }

    public async Task<IReadOnlyList<Product>> ProductsAsync(CancellationToken cancellationToken) =>
        (await http.GetFromJsonAsync<List<Product>>(new Uri("/api/products", UriKind.Relative), s_json, cancellationToken))!;

    public async Task<int> StockAsync(string sku, CancellationToken cancellationToken) =>
        (await ProductsAsync(cancellationToken)).Single(p => p.Sku == sku).Stock;

    /// <summary>Waits until the order is Completed or Rejected.</summary>
    public async Task<OrderRecord> WaitUntilDoneAsync(string id, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProcessingTimeout);
        while (true)
        {
            if (await GetAsync(id, timeout.Token) is { Status: OrderStatus.Completed or OrderStatus.Rejected } done)
            {
                return done;
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    public void Dispose() => http.Dispose();

    private static string Body(string customerId, IEnumerable<(string Sku, int Quantity)> lines) =>
        JsonSerializer.Serialize(new { customerId, lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }) });
}

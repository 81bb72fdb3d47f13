using Mensageria.Web.Operations;
using Microsoft.Extensions.Options;

namespace Mensageria.Web.Shop;

/// <summary>
/// What the page asks the web for: the catalog, order placement and quotes go to the API (found by service
/// discovery, so the browser never needs the API's address), answered as the API answered, problem
/// details included; and the links the page shows.
/// </summary>
public static class ShopApi
{
    public static IEndpointRouteBuilder MapShopApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var shop = app.MapGroup("/shop");
        shop.MapGet("/products", (ApiClient api, CancellationToken cancellationToken) => api.ForwardAsync(HttpMethod.Get, "/api/products", null, cancellationToken));
        shop.MapPost("/orders", (HttpRequest request, ApiClient api, CancellationToken cancellationToken) =>
            ForwardBodyAsync(request, api, "/api/orders", cancellationToken));
        shop.MapPost("/orders/quote", (HttpRequest request, ApiClient api, CancellationToken cancellationToken) =>
            ForwardBodyAsync(request, api, "/api/orders/quote", cancellationToken));
        shop.MapGet("/links", (IOptions<OperationsOptions> options, BrokerManagementClient management) =>
            TypedResults.Ok(new ShopLinks(options.Value.DashboardUrl, management.BaseAddress)));
        return app;
    }

    private static async Task<IResult> ForwardBodyAsync(HttpRequest request, ApiClient api, string path, CancellationToken cancellationToken)
    {
        using var body = new StreamContent(request.Body);
        body.Headers.ContentType = request.ContentType is { } type ? System.Net.Http.Headers.MediaTypeHeaderValue.Parse(type) : null;
        return await api.ForwardAsync(HttpMethod.Post, path, body, cancellationToken, request.Headers["Idempotency-Key"].ToString());
    }
}

/// <summary>Where the page links to: the dashboard (once configured) and the broker's management UI.</summary>
public sealed record ShopLinks(Uri? Dashboard, Uri? Management);

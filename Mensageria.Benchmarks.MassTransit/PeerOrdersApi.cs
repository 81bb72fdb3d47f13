using System.Diagnostics;
using MassTransit;
using Mensageria.Messaging.Contracts;
using Mensageria.Messaging.Orders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mensageria.Benchmarks.MassTransit;

/// <summary>
/// <c>POST /api/orders</c> as Mensageria's API does it: checked against the catalog, stored
/// unconfirmed, published (MassTransit waits for the broker's confirm), confirmed, announced, 202.
/// </summary>
public static class PeerOrdersApi
{
    public static IEndpointRouteBuilder MapPeerOrdersApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/orders", PlaceAsync);
        return app;
    }

    public static async Task<Results<Accepted<PeerOrderAccepted>, ValidationProblem>> PlaceAsync(
        PeerOrderRequest request, CatalogStore catalog, OrderStore orders, IPublishEndpoint bus, TimeProvider timeProvider)
    {
        var products = (await catalog.GetCatalogAsync()).ToDictionary(p => p.Sku, StringComparer.Ordinal);
        var lines = request.Lines ?? [];
        if (string.IsNullOrWhiteSpace(request.CustomerId) || lines.Count == 0 || lines.Any(l => !products.ContainsKey(l.Sku) || l.Quantity is < 1 or > 1000))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["A customer id and 1 or more lines of known SKUs, 1 to 1000 each."] });
        }

        var now = timeProvider.GetUtcNow();
        var id = Guid.CreateVersion7(now).ToString("N");
        var priced = lines.Select(l => new PricedLine(l.Sku, products[l.Sku].Name, l.Quantity, products[l.Sku].Price)).ToList();
        var record = new OrderRecord(id, request.CustomerId, priced, priced.Sum(l => l.Amount), OrderStatus.Accepted, now,
            Activity.Current?.TraceId.ToString(), null, null, null, []);
        await orders.CreateAsync(record);
        await bus.Publish(new OrderPlaced(id, request.CustomerId, lines, now));
        await orders.ConfirmAsync(id, now);
        await bus.Publish(new OrderStatusChanged(id, OrderStatus.Accepted, now, Total: record.Total, TraceId: record.TraceId));
        return TypedResults.Accepted($"/api/orders/{id}", new PeerOrderAccepted(id));
    }
}

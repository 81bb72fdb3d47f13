using Mensageria.Messaging.Contracts;
using Mensageria.Messaging.Orders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Mensageria.Api.Orders;

/// <summary>The <c>/api</c> route group: place and read orders, list products.</summary>
public static class OrdersApi
{
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api").WithTags("Orders");
        api.MapPost("/orders", PlaceOrderAsync)
            // Optional, so a request with no body reaches the handler and gets a 400 that says so.
            .Accepts<PlaceOrderRequest>(isOptional: true, "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Place an order; answered once the broker confirmed it.");
        api.MapGet("/orders/{id}", GetOrderAsync).WithSummary("An order with its status history.");
        api.MapGet("/orders", ListOrdersAsync).WithSummary("Recent orders, newest first.");
        api.MapGet("/products", GetProductsAsync).WithTags("Products").WithSummary("The catalog with live stock.");
        return app;
    }

    public static async Task<IResult> PlaceOrderAsync(
        HttpContext context, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        CatalogStore catalog, OrderPlacement placement, CancellationToken cancellationToken)
    {
        var (request, problem) = await RequestBodyReader.ReadAsync(context.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (idempotencyKey is { Length: 0 or > OrderRules.MaxIdempotencyKeyLength })
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["Idempotency-Key"] = [$"1 to {OrderRules.MaxIdempotencyKeyLength} characters."] });
        }

        var products = (await catalog.GetCatalogAsync()).ToDictionary(p => p.Sku, StringComparer.Ordinal);

        var errors = OrderValidator.Validate(request!, products);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The order is not valid.");
        }

        var lines = OrderValidator.Lines(request!).Select(l => new PricedLine(l.Sku, products[l.Sku].Name, l.Quantity, products[l.Sku].Price)).ToList();
        return await placement.PlaceAsync(request!, lines, idempotencyKey, cancellationToken) switch
        {
            PlacementOutcome.Accepted accepted => TypedResults.Accepted(
                $"/api/orders/{accepted.OrderId}", new OrderAccepted(accepted.OrderId, nameof(OrderStatus.Accepted), $"/api/orders/{accepted.OrderId}")),
            PlacementOutcome.KeyConflict conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Idempotency-Key reused.", detail: conflict.Detail),
            PlacementOutcome.Unavailable unavailable => Unavailable(context, unavailable.Detail),
            _ => throw new InvalidOperationException("Unknown placement outcome."),
        };
    }

    public static async Task<Results<Ok<OrderRecord>, ProblemHttpResult>> GetOrderAsync(string id, OrderStore orders) =>
        OrderIds.IsWellFormed(id) && await orders.GetAsync(id) is { Confirmed: true } order
            ? TypedResults.Ok(order)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such order.", detail: $"There is no order '{id}'.");

    public static async Task<Results<Ok<IReadOnlyList<OrderRecord>>, ValidationProblem>> ListOrdersAsync(
        OrderStore orders, OrderStatus? status = null, int limit = 50) =>
        limit is < 1 or > 500
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["1 to 500."] })
            : TypedResults.Ok(await orders.ListRecentAsync(status, limit));

    public static async Task<Ok<IReadOnlyList<Product>>> GetProductsAsync(CatalogStore catalog) =>
        TypedResults.Ok(await catalog.GetProductsAsync());

    private static ProblemHttpResult Unavailable(HttpContext context, string detail)
    {
        // Clients (and the resilience handler) retry after this many seconds.
        context.Response.Headers.RetryAfter = "2";
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Try again shortly.", detail: detail);
    }
}

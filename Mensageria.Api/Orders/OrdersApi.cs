using Mensageria.Messaging.Consuming;
using Mensageria.Messaging.Contracts;
using Mensageria.Messaging.Orders;
using Mensageria.Messaging.Publishing;
using Mensageria.Messaging.Rpc;
using Mensageria.Messaging.Topology;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Mensageria.Api.Orders;

/// <summary>The <c>/api</c> route group: place, quote and read orders, list products.</summary>
public static class OrdersApi
{
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api").WithTags("Orders")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost("/orders", PlaceOrderAsync)
            // Optional, so a request with no body reaches the handler and gets a 400 that says so.
            .Accepts<PlaceOrderRequest>(isOptional: true, "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Place an order; answered once the broker confirmed it.");
        api.MapPost("/orders/quote", QuoteAsync)
            .Accepts<PlaceOrderRequest>(isOptional: true, "application/json")
            .Produces<Quote>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout)
            .WithSummary("Price lines and check them against the live stock now, reserving nothing; answered by a worker.");
        api.MapGet("/orders/{id}", GetOrderAsync).WithSummary("An order with its status history.");
        api.MapGet("/orders", ListOrdersAsync).WithSummary("Recent orders, newest first.");
        api.MapGet("/products", GetProductsAsync).WithTags("Products").WithSummary("The catalog with live stock.");
        return app;
    }

    public static async Task<IResult> PlaceOrderAsync(
        HttpContext context, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        CatalogStore catalog, OrderPlacement placement, CancellationToken cancellationToken)
    {
        var (request, products, problem) = await ReadValidOrderAsync(context, catalog, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (idempotencyKey is { Length: 0 or > OrderRules.MaxIdempotencyKeyLength })
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["Idempotency-Key"] = [$"1 to {OrderRules.MaxIdempotencyKeyLength} characters."] });
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

    public static async Task<IResult> QuoteAsync(
        HttpContext context, CatalogStore catalog, RpcClient rpc, IConnectionMultiplexer redis, IOptions<QuoteOptions> options, CancellationToken cancellationToken)
    {
        var (request, _, problem) = await ReadValidOrderAsync(context, catalog, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        // The worker prices from Redis: without it, a quick 503 rather than a worker's timeout (the catalog may come from memory).
        if (!redis.IsConnected)
        {
            return Unavailable(context, TransientFailure.RedisUnreachable);
        }

        try
        {
            return TypedResults.Ok(await rpc.CallAsync(
                MessagingTopology.QuotesQueue, new QuoteRequest(OrderValidator.Lines(request!)),
                MessagingJsonContext.Default.QuoteRequest, MessagingJsonContext.Default.Quote, options.Value.Timeout, cancellationToken));
        }
        catch (RpcTimeoutException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status504GatewayTimeout, title: "No worker answered in time.", detail: e.Message);
        }
        catch (RpcFailedException e) when (e.Unavailable)
        {
            return Unavailable(context, e.Reason);
        }
        catch (RpcFailedException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "The worker could not quote.", detail: e.Reason);
        }
        catch (PublishFailedException e)
        {
            return Unavailable(context, e.Message);
        }
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

    /// <summary>The body of an order or a quote, read and checked against the rules and the catalog.</summary>
    private static async Task<(PlaceOrderRequest? Request, Dictionary<string, Product> Products, IResult? Problem)> ReadValidOrderAsync(
        HttpContext context, CatalogStore catalog, CancellationToken cancellationToken)
    {
        var (request, problem) = await RequestBodyReader.ReadAsync(context.Request, cancellationToken);
        if (problem is not null)
        {
            return (null, [], problem);
        }

        var products = (await catalog.GetCatalogAsync()).ToDictionary(p => p.Sku, StringComparer.Ordinal);
        var errors = OrderValidator.Validate(request!, products);
        return errors.Count > 0
            ? (null, products, TypedResults.ValidationProblem(errors, title: "The order is not valid."))
            : (request, products, null);
    }

    private static ProblemHttpResult Unavailable(HttpContext context, string detail)
    {
        // Clients (and the resilience handler) retry after this many seconds.
        context.Response.Headers.RetryAfter = "2";
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Try again shortly.", detail: detail);
    }
}

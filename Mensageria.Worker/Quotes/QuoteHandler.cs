using Mensageria.Messaging.Contracts;
using Mensageria.Messaging.Orders;
using Mensageria.Messaging.Rpc;

namespace Mensageria.Worker.Quotes;

/// <summary>
/// Prices lines at the catalog's prices and checks them against the live stock, as the order's own
/// reservation would: lines of the same SKU draw on its stock in order. Reserves nothing.
/// </summary>
public sealed class QuoteHandler(CatalogStore catalog, ReplicaIdentity replica, TimeProvider timeProvider) : IRpcHandler<QuoteRequest, Quote>
{
    public async Task<Quote> HandleAsync(QuoteRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Lines is not { Count: > 0 })
        {
            throw new ArgumentException("A quote needs at least one line.", nameof(request));
        }

        var products = (await catalog.GetProductsAsync()).ToDictionary(p => p.Sku, StringComparer.Ordinal);
        var left = products.ToDictionary(p => p.Key, p => p.Value.Stock, StringComparer.Ordinal);
        var lines = new List<QuoteLine>(request.Lines.Count);
        foreach (var line in request.Lines)
        {
            if (!products.TryGetValue(line.Sku, out var product))
            {
                throw new ArgumentException($"Unknown SKU '{line.Sku}'.", nameof(request));
            }

            var covered = Math.Clamp(left[line.Sku], 0, line.Quantity);
            left[line.Sku] -= covered;
            lines.Add(new QuoteLine(line.Sku, product.Name, line.Quantity, product.Price, line.Quantity * product.Price, product.Stock, line.Quantity - covered));
        }

        return new Quote(lines, lines.Sum(l => l.Amount), lines.All(l => l.Shortfall == 0), replica.InstanceId, timeProvider.GetUtcNow());
    }
}

using System.Text.Json;
using Mensageria.Messaging.Contracts;
using StackExchange.Redis;

namespace Mensageria.Messaging.Orders;

/// <summary>The products and their live stock in Redis.</summary>
public sealed class CatalogStore(IConnectionMultiplexer redis)
{
    /// <summary>Loads the seed catalog; stock is set only where none is stored, so a restart keeps what was sold.</summary>
    public async Task SeedAsync()
    {
        var database = redis.GetDatabase();
        foreach (var product in SeedCatalog.Products)
        {
            var entry = JsonSerializer.Serialize(product with { Stock = 0 }, MessagingJsonContext.Default.Product);
            await database.HashSetAsync(RedisKeys.Products, product.Sku, entry);
            await database.HashSetAsync(RedisKeys.Stock, product.Sku, product.Stock, When.NotExists);
        }
    }

    /// <summary>The products with their live stock, by SKU.</summary>
    public async Task<IReadOnlyList<Product>> GetProductsAsync()
    {
        var stock = redis.GetDatabase().HashGetAllAsync(RedisKeys.Stock);
        var products = await GetCatalogAsync();
        var levels = (await stock).ToDictionary(e => (string)e.Name!, e => (int)e.Value);
        return [.. products.Select(p => p with { Stock = levels.GetValueOrDefault(p.Sku) })];
    }

    /// <summary>What is sold, at what price, by SKU: all an order's validation needs, without reading the stock.</summary>
    public async Task<IReadOnlyList<Product>> GetCatalogAsync() =>
        [.. (await redis.GetDatabase().HashGetAllAsync(RedisKeys.Products))
            .Select(e => JsonSerializer.Deserialize((string)e.Value!, MessagingJsonContext.Default.Product)!)
            .OrderBy(p => p.Sku, StringComparer.Ordinal)];
}

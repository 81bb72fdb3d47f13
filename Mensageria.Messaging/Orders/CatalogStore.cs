using System.Text.Json;
using Mensageria.Messaging.Contracts;
using StackExchange.Redis;

namespace Mensageria.Messaging.Orders;

/// <summary>
/// The products and their live stock in Redis. The catalog (what is sold, at what price) is read once a second
/// at most and shared: every order is priced from it, and it changes only when it is seeded. Stock is always live.
/// </summary>
public sealed class CatalogStore(IConnectionMultiplexer redis, TimeProvider timeProvider)
{
    /// <summary>How long a catalog read serves: a price changed in Redis applies to orders within this.</summary>
    public static readonly TimeSpan CatalogLifetime = TimeSpan.FromSeconds(1);

    private CatalogRead? _catalog;

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

        Volatile.Write(ref _catalog, null);
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
    public Task<IReadOnlyList<Product>> GetCatalogAsync()
    {
        // Callers within the lifetime share one read; a failed read is not kept, so the next caller tries again.
        var now = timeProvider.GetTimestamp();
        if (Volatile.Read(ref _catalog) is { } cached && !cached.Read.IsFaulted && !cached.Read.IsCanceled && timeProvider.GetElapsedTime(cached.At, now) < CatalogLifetime)
        {
            return cached.Read;
        }

        var read = ReadCatalogAsync();
        Volatile.Write(ref _catalog, new CatalogRead(read, now));
        return read;
    }

    private async Task<IReadOnlyList<Product>> ReadCatalogAsync() =>
        [.. (await redis.GetDatabase().HashGetAllAsync(RedisKeys.Products))
            .Select(e => JsonSerializer.Deserialize((string)e.Value!, MessagingJsonContext.Default.Product)!)
            .OrderBy(p => p.Sku, StringComparer.Ordinal)];

    private sealed record CatalogRead(Task<IReadOnlyList<Product>> Read, long At);
}

using StackExchange.Redis;

namespace Mensageria.Messaging.Orders;

/// <summary>Every Redis key the application uses, under the prefix <c>mensageria:</c>.</summary>
public static class RedisKeys
{
    public const string Prefix = "mensageria:";

    public static readonly RedisKey Products = Prefix + "products";
    public static readonly RedisKey Stock = Prefix + "stock";
    public static readonly RedisKey RecentOrders = Prefix + "orders:recent";
    public static readonly RedisKey InvoiceSequence = Prefix + "invoice:sequence";

    public static RedisKey Order(string id) => $"{Prefix}order:{id}";

    public static RedisKey History(string id) => $"{Prefix}order:{id}:history";

    /// <summary>Set once an order's stock is reserved, so a redelivery never reserves it twice.</summary>
    public static RedisKey Reservation(string id) => $"{Prefix}order:{id}:reserved";

    public static RedisKey Idempotency(string key) => $"{Prefix}idempotency:{key}";

    /// <summary>The ids of every API key issued.</summary>
    public static readonly RedisKey ApiKeys = Prefix + "api-keys";

    // The id in braces is a Redis Cluster hash tag: a key's record and its rate window share one slot, as one script needs.
    public static RedisKey ApiKey(string id) => $"{Prefix}api-key:{{{id}}}";

    /// <summary>Requests in a key's current minute; it expires with the minute.</summary>
    public static RedisKey ApiKeyRate(string id) => $"{Prefix}api-key:{{{id}}}:rate";
}

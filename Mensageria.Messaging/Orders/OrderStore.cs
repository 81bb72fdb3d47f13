using System.Globalization;
using System.Text.Json;
using Mensageria.Messaging.Contracts;
using StackExchange.Redis;

namespace Mensageria.Messaging.Orders;

/// <summary>
/// Orders in Redis: a hash per order, its status history as a list, and a time-ordered index of
/// recent orders. Every step that changes stock or issues an invoice is a Lua script, atomic and
/// safe to repeat, so a redelivered message never does it twice.
/// </summary>
public sealed class OrderStore(IConnectionMultiplexer redis, TimeProvider timeProvider)
{
    public async Task CreateAsync(OrderRecord order)
    {
        var transaction = redis.GetDatabase().CreateTransaction();
        _ = transaction.HashSetAsync(RedisKeys.Order(order.Id),
        [
            new("id", order.Id),
            new("customerId", order.CustomerId),
            new("lines", JsonSerializer.Serialize([.. order.Lines], MessagingJsonContext.Default.ListPricedLine)),
            new("total", order.Total.ToString(CultureInfo.InvariantCulture)),
            new("status", order.Status.ToString()),
            new("rank", Rank(order.Status)),
            new("createdAt", order.CreatedAt.ToString("O", CultureInfo.InvariantCulture)),
            new("traceId", order.TraceId ?? ""),
            new("confirmed", "0"),
        ]);
        _ = transaction.ListRightPushAsync(RedisKeys.History(order.Id), Entry(new StatusEntry(order.Status, order.CreatedAt)));
        await transaction.ExecuteAsync();
    }

    /// <summary>The broker confirmed the order's message: from now on it is listed, shown and processed.</summary>
    public async Task ConfirmAsync(string id, DateTimeOffset createdAt)
    {
        var transaction = redis.GetDatabase().CreateTransaction();
        _ = transaction.HashSetAsync(RedisKeys.Order(id), "confirmed", "1");
        _ = transaction.SortedSetAddAsync(RedisKeys.RecentOrders, id, createdAt.ToUnixTimeMilliseconds());
        await transaction.ExecuteAsync();
    }

    /// <summary>Removes an order whose message was never confirmed, leaving nothing half-created; a confirmed one stays.</summary>
    public async Task<bool> DeleteUnconfirmedAsync(string id) =>
        (int)await redis.GetDatabase().ScriptEvaluateAsync(
            OrderScripts.DeleteUnconfirmed, [RedisKeys.Order(id), RedisKeys.History(id), RedisKeys.Reservation(id)]) == 1;

    /// <summary>The order with its status history, or null when there is no such order.</summary>
    public async Task<OrderRecord?> GetAsync(string id)
    {
        var database = redis.GetDatabase();
        var fieldsTask = database.HashGetAllAsync(RedisKeys.Order(id));
        var historyTask = database.ListRangeAsync(RedisKeys.History(id));
        var fields = (await fieldsTask).ToDictionary(e => (string)e.Name!, e => (string?)e.Value);
        var history = (await historyTask).Select(h => JsonSerializer.Deserialize((string)h!, MessagingJsonContext.Default.StatusEntry)!).ToList();
        return fields.Count == 0 ? null : Parse(fields, history);
    }

    /// <summary>
    /// Takes the order up for processing by <paramref name="replica"/> and returns it (without its history): a confirmed
    /// order that has not started moves to Processing; an unconfirmed, started or finished one is returned as it is.
    /// Null when there is no such order. One round trip.
    /// </summary>
    public async Task<OrderRecord?> BeginProcessingAsync(string id, string replica)
    {
        var result = await redis.GetDatabase().ScriptEvaluateAsync(
            OrderScripts.BeginProcessing, [RedisKeys.Order(id), RedisKeys.History(id)],
            [.. TransitionArguments(OrderStatus.Processing, timeProvider.GetUtcNow()), replica]);
        var pairs = (RedisValue[])result!;
        var fields = new Dictionary<string, string?>(pairs.Length / 2, StringComparer.Ordinal);
        for (var i = 0; i + 1 < pairs.Length; i += 2)
        {
            fields[(string)pairs[i]!] = pairs[i + 1];
        }

        return fields.Count == 0 ? null : Parse(fields, []);
    }

    /// <summary>The most recent orders first, optionally only those with <paramref name="status"/>.</summary>
    public async Task<IReadOnlyList<OrderRecord>> ListRecentAsync(OrderStatus? status, int limit)
    {
        var orders = new List<OrderRecord>();
        var database = redis.GetDatabase();
        const int page = 200;
        // A filter that matches little must not read the whole history for one request.
        const int MaxScanned = 5000;
        for (long start = 0; orders.Count < limit; start += page)
        {
            var ids = await database.SortedSetRangeByRankAsync(RedisKeys.RecentOrders, start, start + page - 1, Order.Descending);
            if (ids.Length == 0)
            {
                break;
            }

            var records = await Task.WhenAll(ids.Select(id => GetAsync(id!)));
            orders.AddRange(records.OfType<OrderRecord>().Where(o => status is null || o.Status == status).Take(limit - orders.Count));
            if (start >= MaxScanned)
            {
                break;
            }
        }

        return orders;
    }

    /// <summary>Moves the order forward to <paramref name="status"/>; false when it was there or further already.</summary>
    public async Task<bool> TransitionAsync(string id, OrderStatus status, string? reason = null)
    {
        RedisValue[] arguments =
        [
            .. TransitionArguments(status, timeProvider.GetUtcNow(), reason),
            .. reason is null ? [] : new RedisValue[] { "reason", reason },
        ];
        var result = (int)await redis.GetDatabase().ScriptEvaluateAsync(OrderScripts.Transition, [RedisKeys.Order(id), RedisKeys.History(id)], arguments);
        return result switch
        {
            1 => true,
            0 => false,
            _ => throw new InvalidOperationException($"Order {id} is not stored."),
        };
    }

    /// <summary>
    /// Reserves all lines or none, once per order, and moves the order to StockReserved, in one script; returns the
    /// first SKU that is short (nothing reserved, nothing moved), or null when reserved.
    /// </summary>
    public async Task<string?> ReserveStockAsync(string id, IEnumerable<OrderLine> lines)
    {
        RedisValue[] arguments =
        [
            .. TransitionArguments(OrderStatus.StockReserved, timeProvider.GetUtcNow()),
            .. lines.GroupBy(l => l.Sku, StringComparer.Ordinal).SelectMany(g => new RedisValue[] { g.Key, g.Sum(l => l.Quantity) }),
        ];
        var shortSku = (string?)await redis.GetDatabase().ScriptEvaluateAsync(
            OrderScripts.Reserve, [RedisKeys.Stock, RedisKeys.Reservation(id), RedisKeys.Order(id), RedisKeys.History(id)], arguments);
        return string.IsNullOrEmpty(shortSku) ? null : shortSku;
    }

    /// <summary>
    /// The order's invoice number, issued now or at an earlier delivery; the order moves to Invoiced and then Completed
    /// in the same script, since the invoice is its last step.
    /// </summary>
    public async Task<string> InvoiceAndCompleteAsync(string id)
    {
        var now = timeProvider.GetUtcNow();
        RedisValue[] completed = TransitionArguments(OrderStatus.Completed, now);
        return (string)(await redis.GetDatabase().ScriptEvaluateAsync(
            OrderScripts.InvoiceAndComplete, [RedisKeys.Order(id), RedisKeys.InvoiceSequence, RedisKeys.History(id)],
            [.. TransitionArguments(OrderStatus.Invoiced, now), .. completed[..3], $"INV-{now:yyyy}-"]))!;
    }

    public static int Rank(OrderStatus status) => status switch
    {
        OrderStatus.Rejected => (int)OrderStatus.Completed,
        _ => (int)status,
    };

    /// <summary>What a transition script takes: the status, its rank, the history entry and the time.</summary>
    private static RedisValue[] TransitionArguments(OrderStatus status, DateTimeOffset at, string? reason = null) =>
        [status.ToString(), Rank(status), Entry(new StatusEntry(status, at, reason)), at.ToString("O", CultureInfo.InvariantCulture)];

    private static string Entry(StatusEntry entry) => JsonSerializer.Serialize(entry, MessagingJsonContext.Default.StatusEntry);

    private static OrderRecord Parse(Dictionary<string, string?> fields, IReadOnlyList<StatusEntry> history) => new(
        fields["id"]!,
        fields["customerId"]!,
        JsonSerializer.Deserialize(fields["lines"]!, MessagingJsonContext.Default.ListPricedLine)!,
        decimal.Parse(fields["total"]!, CultureInfo.InvariantCulture),
        Enum.Parse<OrderStatus>(fields["status"]!),
        DateTimeOffset.Parse(fields["createdAt"]!, CultureInfo.InvariantCulture),
        NullIfEmpty(fields.GetValueOrDefault("traceId")),
        NullIfEmpty(fields.GetValueOrDefault("reason")),
        NullIfEmpty(fields.GetValueOrDefault("invoice")),
        NullIfEmpty(fields.GetValueOrDefault("processedBy")),
        history,
        fields.GetValueOrDefault("confirmed") != "0");

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

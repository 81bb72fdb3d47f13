using System.Diagnostics;
using Mensageria.Messaging.Contracts;
using Mensageria.Messaging.Orders;
using StackExchange.Redis;

namespace Mensageria.Tests.Infrastructure;

/// <summary>Where many orders ended, read straight from Redis or through the API: their status and invoice number.</summary>
internal static class OrderOutcomes
{
    /// <summary>Waits until every order is Completed or Rejected, or the processing timeout passed, and returns where each is.</summary>
    public static async Task<Dictionary<string, (OrderStatus Status, string? Invoice)>> WaitUntilAllDoneAsync(
        DistributedApplication app, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(await app.GetRequiredConnectionStringAsync("cache", cancellationToken));
        var database = redis.GetDatabase();
        return await WaitUntilAllDoneAsync(ids, async id =>
        {
            var fields = await database.HashGetAsync(RedisKeys.Order(id), ["status", "invoice"]);
            return (fields[0].IsNull ? OrderStatus.Accepted : Enum.Parse<OrderStatus>((string)fields[0]!), (string?)fields[1]);
        }, cancellationToken);
    }

    /// <summary>The same through the API, for an app whose Redis the test cannot reach.</summary>
    public static Task<Dictionary<string, (OrderStatus Status, string? Invoice)>> WaitUntilAllDoneAsync(
        OrdersClient orders, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        WaitUntilAllDoneAsync(ids, async id => await orders.GetAsync(id, cancellationToken) is { } order ? (order.Status, order.InvoiceNumber) : (OrderStatus.Accepted, null), cancellationToken);

    private static async Task<Dictionary<string, (OrderStatus Status, string? Invoice)>> WaitUntilAllDoneAsync(
        IReadOnlyCollection<string> ids, Func<string, Task<(OrderStatus Status, string? Invoice)>> read, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var outcomes = await Task.WhenAll(ids.Select(async id =>
            {
                var (status, invoice) = await read(id);
                return (Id: id, Status: status, Invoice: invoice);
            }));
            if (outcomes.All(o => o.Status is OrderStatus.Completed or OrderStatus.Rejected) || deadline.Elapsed > OrdersClient.ProcessingTimeout)
            {
                return outcomes.ToDictionary(o => o.Id, o => (o.Status, o.Invoice));
            }

            await Task.Delay(250, cancellationToken);
        }
    }
}

using System.Diagnostics;
using Mensageria.Messaging.Contracts;
using Mensageria.Messaging.Orders;
using StackExchange.Redis;

namespace Mensageria.Tests.Infrastructure;

/// <summary>Where many orders ended, read straight from Redis: their status and invoice number.</summary>
internal static class OrderOutcomes
{
    /// <summary>Waits until every order is Completed or Rejected, or the processing timeout passed, and returns where each is.</summary>
    public static async Task<Dictionary<string, (OrderStatus Status, string? Invoice)>> WaitUntilAllDoneAsync(
        DistributedApplication app, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(await app.GetRequiredConnectionStringAsync("cache", cancellationToken));
        var database = redis.GetDatabase();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var outcomes = await Task.WhenAll(ids.Select(async id =>
            {
                var fields = await database.HashGetAsync(RedisKeys.Order(id), ["status", "invoice"]);
                return (Id: id, Status: fields[0].IsNull ? OrderStatus.Accepted : Enum.Parse<OrderStatus>((string)fields[0]!), Invoice: (string?)fields[1]);
            }));
            if (outcomes.All(o => o.Status is OrderStatus.Completed or OrderStatus.Rejected) || deadline.Elapsed > OrdersClient.ProcessingTimeout)
            {
                return outcomes.ToDictionary(o => o.Id, o => (o.Status, o.Invoice));
            }

            await Task.Delay(250, cancellationToken);
        }
    }
}

using Mensageria.Cli.Services;
using Mensageria.Messaging.Contracts;

namespace Mensageria.Cli.Commands;

/// <summary>Follows one order on the live feed, showing each status as it arrives, until it ends.</summary>
public static class OrderFollower
{
    public static async Task<OrderStatus> FollowAsync(CommandContext context, string id, Uri feed, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var console = context.Console;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var seen = new HashSet<OrderStatus>();
        try
        {
            await foreach (var change in OrderFeed.ReadAsync(feed, deadline.Token))
            {
                // Events are at-least-once and the feed carries every order: keep this order's first of each status.
                if (change.OrderId != id || !seen.Add(change.Status))
                {
                    continue;
                }

                if (!console.Json)
                {
                    var detail = change.Reason ?? (change.InvoiceNumber is { } invoice ? $"invoice {invoice}" : null);
                    console.WriteLine($"  {Output.CliConsole.Time(change.At)}  {console.Status(change.Status)}{(detail is null ? "" : $"  {detail}")}");
                }

                if (change.Status is OrderStatus.Completed or OrderStatus.Rejected)
                {
                    return change.Status;
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The feed's catch-up covers recent orders only: the order itself has the last word.
            return await FinishedAsync(context, id, cancellationToken)
                ?? throw new CliException($"Order {id} did not finish within {timeout.TotalSeconds:0} s; it goes on.", ExitCodes.WaitTimedOut, $"See where it is: mensageria order show {id}");
        }

        return await FinishedAsync(context, id, cancellationToken)
            ?? throw new CliException($"The live feed closed before order {id} finished; the order goes on.", ExitCodes.WaitTimedOut, $"See where it is: mensageria order show {id}");
    }

    private static async Task<OrderStatus?> FinishedAsync(CommandContext context, string id, CancellationToken cancellationToken)
    {
        var order = await context.Client.GetOrderAsync(id, cancellationToken);
        if (order.Status is not (OrderStatus.Completed or OrderStatus.Rejected))
        {
            return null;
        }

        if (!context.Console.Json)
        {
            context.Console.WriteLine($"  {Output.CliConsole.Time(order.History[^1].At)}  {context.Console.Status(order.Status)}{(order.Reason is null ? "" : $"  {order.Reason}")}");
        }

        return order.Status;
    }
}

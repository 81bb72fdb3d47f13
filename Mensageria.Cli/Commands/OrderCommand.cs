using System.CommandLine;
using Mensageria.Cli.Output;
using Mensageria.Messaging.Contracts;
using Mensageria.Messaging.Orders;

namespace Mensageria.Cli.Commands;

/// <summary><c>order place SKU:QTY… [--wait]</c> and <c>order show ID</c>.</summary>
public static class OrderCommand
{
    public static Command Create(GlobalOptions globals)
    {
        ArgumentNullException.ThrowIfNull(globals);
        return new Command("order", "Place one order, or show one") { Place(globals), Show(globals) };
    }

    private static Command Place(GlobalOptions globals)
    {
        var lines = OrderLinesArgument.Create();
        var customer = OrderLinesArgument.Customer();
        var wait = new Option<bool>("--wait") { Description = "Follow the order live over the web's /ws until it is Completed or Rejected" };
        var timeout = new Option<int>("--timeout") { Description = "With --wait: stop following after this many seconds (the order goes on)", DefaultValueFactory = _ => 60 };
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--timeout is a number of seconds from 1.");
            }
        });
        var command = new Command("place", "Place an order; answered once the broker has it") { lines, customer, wait, timeout };
        command.SetAction(globals.Run(async (context, cancellationToken) =>
        {
            var (parse, client, console) = context;
            // Caught up from a little before the order, so no event can slip past between the POST and the feed.
            var since = DateTimeOffset.UtcNow.AddSeconds(-5);
            // Found before the order is placed: a feed that cannot be found must not leave an order behind.
            var feed = parse.GetValue(wait) ? client.FeedAddress(since) : null;
            var id = await client.PlaceOrderAsync(parse.GetValue(customer)!, parse.GetValue(lines)!, Guid.NewGuid().ToString("N"), cancellationToken);
            if (!parse.GetValue(wait))
            {
                if (console.Json)
                {
                    console.WriteJson(await client.GetOrderAsync(id, cancellationToken), MessagingJsonContext.Default.OrderRecord);
                }
                else
                {
                    console.WriteLine($"Order {id} accepted. Follow it: mensageria order show {id}");
                }

                return ExitCodes.Success;
            }

            if (!console.Json)
            {
                console.WriteLine($"Order {id} accepted; following it live (Ctrl+C stops following, not the order).");
            }

            var final = await OrderFollower.FollowAsync(context, id, feed!, TimeSpan.FromSeconds(parse.GetValue(timeout)), cancellationToken);
            if (console.Json)
            {
                console.WriteJson(await client.GetOrderAsync(id, cancellationToken), MessagingJsonContext.Default.OrderRecord);
            }

            return final == OrderStatus.Rejected ? ExitCodes.OrderRejected : ExitCodes.Success;
        }));
        return command;
    }

    private static Command Show(GlobalOptions globals)
    {
        var id = new Argument<string>("id") { Description = "The order id (32 hex digits)" };
        var command = new Command("show", "Show an order with its lines and status history") { id };
        command.SetAction(globals.Run(async (context, cancellationToken) =>
        {
            var order = await context.Client.GetOrderAsync(context.Parse.GetValue(id)!, cancellationToken);
            Write(context.Console, order);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Write(CliConsole console, OrderRecord order)
    {
        if (console.Json)
        {
            console.WriteJson(order, MessagingJsonContext.Default.OrderRecord);
            return;
        }

        console.WriteLine($"Order     {order.Id}");
        console.WriteLine($"Customer  {order.CustomerId}");
        console.WriteLine($"Status    {console.Status(order.Status)}{(order.Reason is null ? "" : $" ({order.Reason})")}");
        console.WriteLine($"Total     {CliConsole.Money(order.Total)}{(order.InvoiceNumber is null ? "" : $", invoice {order.InvoiceNumber}")}");
        if (order.ProcessedBy is not null)
        {
            console.WriteLine($"Worker    {order.ProcessedBy}");
        }

        console.WriteLine();
        console.WriteTable(["SKU", "NAME", "QTY", "UNIT", "AMOUNT"],
            [.. order.Lines.Select(l => (IReadOnlyList<string>)[l.Sku, l.Name, $"{l.Quantity}", CliConsole.Money(l.UnitPrice), CliConsole.Money(l.Amount)])]);
        console.WriteLine();
        console.WriteTable(["AT", "STATUS", "REASON"],
            [.. order.History.Select(h => (IReadOnlyList<string>)[CliConsole.Time(h.At), h.Status.ToString(), h.Reason ?? ""])]);
    }
}

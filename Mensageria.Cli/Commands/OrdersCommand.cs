using System.CommandLine;
using Mensageria.Cli.Output;
using Mensageria.Cli.Services;
using Mensageria.Messaging.Contracts;

namespace Mensageria.Cli.Commands;

/// <summary><c>orders list</c> (the most recent) and <c>orders watch</c> (the live feed).</summary>
public static class OrdersCommand
{
    public static Command Create(GlobalOptions globals)
    {
        ArgumentNullException.ThrowIfNull(globals);
        return new Command("orders", "List recent orders, or watch every order live") { List(globals), Watch(globals) };
    }

    private static Command List(GlobalOptions globals)
    {
        var status = new Option<OrderStatus?>("--status") { Description = "Only orders in this status" };
        var limit = new Option<int>("--limit") { Description = "How many, newest first (1 to 500)", DefaultValueFactory = _ => 20 };
        var command = new Command("list", "List the most recent orders, newest first") { status, limit };
        command.SetAction(globals.Run(async (context, cancellationToken) =>
        {
            var (parse, client, console) = context;
            var orders = await client.ListOrdersAsync(parse.GetValue(status), parse.GetValue(limit), cancellationToken);
            if (console.Json)
            {
                console.WriteJson(orders, MessagingJsonContext.Default.ListOrderRecord);
            }
            else
            {
                console.WriteTable(["ID", "CREATED", "CUSTOMER", "LINES", "TOTAL", "STATUS"],
                    [.. orders.Select(o => (IReadOnlyList<string>)[o.Id, CliConsole.Time(o.CreatedAt), o.CustomerId, $"{o.Lines.Count}", CliConsole.Money(o.Total), o.Status.ToString()])]);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Watch(GlobalOptions globals)
    {
        var command = new Command("watch", "Show every order's status changes as they happen, until Ctrl+C (JSON lines with --json)");
        command.SetAction(globals.Run(async (context, cancellationToken) =>
        {
            var (_, client, console) = context;
            if (!console.Json)
            {
                console.WriteLine("Watching every order (Ctrl+C to stop)…");
            }

            DateTimeOffset? since = null;
            var recent = new RecentKeys(1000);
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    await foreach (var change in OrderFeed.ReadAsync(client.FeedAddress(since), cancellationToken))
                    {
                        // After a reconnect the catch-up may send the last events again: show each once.
                        if (!recent.Add($"{change.OrderId}:{change.Status}"))
                        {
                            continue;
                        }

                        since = change.At;
                        if (console.Json)
                        {
                            console.WriteJson(change, MessagingJsonContext.Default.OrderStatusChanged);
                        }
                        else
                        {
                            console.WriteLine($"{CliConsole.Time(change.At)}  {change.OrderId}  {console.Status(change.Status)}{(change.Reason is null ? "" : $"  {change.Reason}")}");
                        }
                    }

                    // The web closed the feed (a restart): catch up from the last event seen.
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                }
                catch (CliException e) when (!cancellationToken.IsCancellationRequested)
                {
                    // The web is away (restarting): say so, and try again.
                    context.Console.WriteError(new CliException($"{e.Message} Trying again in 2 s.", e.ExitCode));
                    await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}

using System.CommandLine;
using System.Globalization;
using Mensageria.Cli.Output;
using Mensageria.Messaging.Contracts;

namespace Mensageria.Cli.Commands;

/// <summary><c>quote SKU:QTY…</c>: what these lines would cost now, and whether the stock covers them.</summary>
public static class QuoteCommand
{
    public static Command Create(GlobalOptions globals)
    {
        ArgumentNullException.ThrowIfNull(globals);
        var lines = OrderLinesArgument.Create();
        var customer = OrderLinesArgument.Customer();
        var command = new Command("quote", "Price lines and check them against the live stock (a worker answers; nothing is reserved)") { lines, customer };
        command.SetAction(globals.Run(async (context, cancellationToken) =>
        {
            var console = context.Console;
            var quote = await context.Client.QuoteAsync(context.Parse.GetValue(customer)!, context.Parse.GetValue(lines)!, cancellationToken);
            if (console.Json)
            {
                console.WriteJson(quote, MessagingJsonContext.Default.Quote);
                return ExitCodes.Success;
            }

            console.WriteTable(["SKU", "NAME", "QTY", "UNIT", "AMOUNT", "IN STOCK", "SHORT"],
                [.. quote.Lines.Select(l => (IReadOnlyList<string>)[
                    l.Sku, l.Name, Number(l.Quantity), CliConsole.Money(l.UnitPrice), CliConsole.Money(l.Amount), Number(l.InStock),
                    l.Shortfall == 0 ? "-" : console.Colour(Number(l.Shortfall), "31")])]);
            console.WriteLine();
            console.WriteLine(quote.Available
                ? $"Total {CliConsole.Money(quote.Total)}: {console.Colour("all in stock", "32")} (quoted by {quote.QuotedBy})."
                : $"Total {CliConsole.Money(quote.Total)}: {console.Colour("not enough stock", "31")} for {quote.Lines.Count(l => l.Shortfall > 0)} line(s) (quoted by {quote.QuotedBy}).");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

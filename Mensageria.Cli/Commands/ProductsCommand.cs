using System.CommandLine;
using System.Globalization;
using Mensageria.Cli.Output;
using Mensageria.Messaging.Contracts;

namespace Mensageria.Cli.Commands;

/// <summary><c>products</c>: the catalog with live stock.</summary>
public static class ProductsCommand
{
    public static Command Create(GlobalOptions globals)
    {
        ArgumentNullException.ThrowIfNull(globals);
        var command = new Command("products", "List the products with their price and live stock");
        command.SetAction(globals.Run(async (context, cancellationToken) =>
        {
            var console = context.Console;
            var products = await context.Client.GetProductsAsync(cancellationToken);
            if (console.Json)
            {
                console.WriteJson(products, MessagingJsonContext.Default.ListProduct);
            }
            else
            {
                console.WriteTable(["SKU", "NAME", "PRICE", "STOCK"],
                    [.. products.Select(p => (IReadOnlyList<string>)[p.Sku, p.Name, CliConsole.Money(p.Price), p.Stock.ToString(CultureInfo.InvariantCulture)])]);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}

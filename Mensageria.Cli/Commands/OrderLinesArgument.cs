using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Mensageria.Messaging.Contracts;

namespace Mensageria.Cli.Commands;

/// <summary>Order lines as <c>SKU:QTY</c> tokens; anything else is a usage error that shows the form.</summary>
public static class OrderLinesArgument
{
    public static Argument<OrderLine[]> Create() => new("lines")
    {
        Description = "Lines as SKU:QTY, e.g. ESP-001:2 TEA-002:1",
        Arity = ArgumentArity.OneOrMore,
        CustomParser = Parse,
    };

    public static Option<string> Customer() => new("--customer")
    {
        Description = "Who orders (default: MENSAGERIA_CUSTOMER, or your user name)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("MENSAGERIA_CUSTOMER") ?? Environment.UserName,
    };

    private static OrderLine[] Parse(ArgumentResult result)
    {
        var lines = new List<OrderLine>();
        foreach (var token in result.Tokens.Select(t => t.Value))
        {
            var separator = token.LastIndexOf(':');
            if (separator > 0 && int.TryParse(token.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var quantity) && quantity > 0)
            {
                lines.Add(new OrderLine(token[..separator], quantity));
            }
            else
            {
                result.AddError($"'{token}' is not an order line: write SKU:QTY, e.g. ESP-001:2 (QTY a whole number from 1).");
            }
        }

        return [.. lines];
    }
}

using System.CommandLine;
using Mensageria.Cli.Commands;

namespace Mensageria.Cli;

/// <summary>The <c>mensageria</c> command line: parse, then run one command; a usage error exits with <see cref="ExitCodes.Usage"/>.</summary>
public static class MensageriaCommandLine
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var globals = new GlobalOptions(output, error, terminal: ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected);
        var root = new RootCommand("Mensageria from the terminal: products, quotes, orders, the live feed, queues, dead letters and API keys.")
        {
            ProductsCommand.Create(globals),
            QuoteCommand.Create(globals),
            OrderCommand.Create(globals),
            OrdersCommand.Create(globals),
            QueuesCommand.Create(globals),
            DeadLettersCommand.Create(globals),
            KeysCommand.Create(globals),
        };
        globals.AddTo(root);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                await error.WriteLineAsync($"error: {problem.Message}");
            }

            await error.WriteLineAsync($"Run '{string.Join(' ', CommandPath(parse).Prepend("mensageria"))} --help' for usage.");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    private static Stack<string> CommandPath(ParseResult parse)
    {
        var names = new Stack<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
        {
            names.Push(result.Command.Name);
        }

        return names;
    }
}

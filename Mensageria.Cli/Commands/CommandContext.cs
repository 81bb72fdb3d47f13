using System.CommandLine;
using Mensageria.Cli.Output;
using Mensageria.Cli.Services;

namespace Mensageria.Cli.Commands;

/// <summary>What a command's work gets: its parsed command line, the services' client and the console.</summary>
public sealed record CommandContext(ParseResult Parse, MensageriaClient Client, CliConsole Console);

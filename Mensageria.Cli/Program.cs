using Mensageria.Cli;

return await MensageriaCommandLine.RunAsync(args, Console.Out, Console.Error);

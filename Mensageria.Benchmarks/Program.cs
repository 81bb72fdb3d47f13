using Mensageria.Benchmarks;

return await BenchmarkCommandLine.RunAsync(args);

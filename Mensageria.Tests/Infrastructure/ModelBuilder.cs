using Mensageria.Hosting;

namespace Mensageria.Tests.Infrastructure;

/// <summary>A builder for model tests: a private state directory, nothing started.</summary>
internal static class ModelBuilder
{
    public static DistributedApplicationBuilder Create(string stateDirectory, bool randomizePorts = false, params string[] args) =>
        new(new DistributedApplicationOptions
        {
            StateDirectory = stateDirectory,
            RandomizePorts = randomizePorts,
            EchoResourceOutput = false,
            Args = ["--environment", "Development", .. args],
        }, typeof(ModelBuilder).Assembly);
}

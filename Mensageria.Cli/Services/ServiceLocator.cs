using System.Text.Json;

namespace Mensageria.Cli.Services;

/// <summary>
/// Finds a service's URL: the flag (<c>--api</c>, <c>--web</c>), else the environment
/// (<c>MENSAGERIA_API_URL</c>, or Aspire's <c>services__api__http__0</c>), else the running app
/// host's <c>resources.json</c> (in <c>--state-dir</c>, <c>MENSAGERIA_STATE_DIR</c>, or the nearest
/// <c>.mensageria/</c> above the current or the program's folder).
/// </summary>
public sealed class ServiceLocator(string? stateDirectory, Func<string, string?> environment)
{
    public const string ResourcesFile = "resources.json";

    public Uri Locate(string service, Uri? flag)
    {
        if (flag is not null)
        {
            return flag;
        }

        var fromEnvironment = environment($"MENSAGERIA_{service.ToUpperInvariant()}_URL") ?? environment($"services__{service}__http__0");
        if (fromEnvironment is not null)
        {
            return Uri.TryCreate(fromEnvironment, UriKind.Absolute, out var url)
                ? url
                : throw new CliException($"The {service} URL in the environment is not an absolute URL: '{fromEnvironment}'.", ExitCodes.Usage);
        }

        var file = FindResourcesFile() ?? throw new CliException(
            $"Cannot find the {service}: no --{service}, no MENSAGERIA_{service.ToUpperInvariant()}_URL, and no running app host's {ResourcesFile}.",
            ExitCodes.Unavailable,
            $"Start the app (dotnet run --project Mensageria.AppHost) or give --{service} http://host:port.");
        return FromResourcesFile(file, service);
    }

    private static Uri FromResourcesFile(string file, string service)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        var resource = document.RootElement.EnumerateArray().FirstOrDefault(r => r.GetProperty("name").GetString() == service);
        if (resource.ValueKind == JsonValueKind.Undefined)
        {
            throw new CliException($"{file} lists no resource '{service}'.", ExitCodes.Unavailable, $"Give --{service} http://host:port.");
        }

        var state = resource.GetProperty("state").GetString();
        if (state is not ("Healthy" or "Running" or "Unhealthy"))
        {
            throw new CliException($"The app host's {file} says '{service}' is {state}.", ExitCodes.Unavailable,
                "Start the app: dotnet run --project Mensageria.AppHost");
        }

        return resource.TryGetProperty("endpoints", out var endpoints) && endpoints.TryGetProperty("http", out var http)
            ? new Uri(http.GetString()!)
            : throw new CliException($"{file} gives '{service}' no http endpoint.", ExitCodes.Unavailable, $"Give --{service} http://host:port.");
    }

    private string? FindResourcesFile()
    {
        if ((stateDirectory ?? environment("MENSAGERIA_STATE_DIR")) is { } explicitDirectory)
        {
            var file = Path.Combine(explicitDirectory, ResourcesFile);
            return File.Exists(file)
                ? file
                : throw new CliException($"There is no {ResourcesFile} in {explicitDirectory}.", ExitCodes.Unavailable, "Is the app host running with that state directory?");
        }

        return AboveOrHere(Directory.GetCurrentDirectory()) ?? AboveOrHere(AppContext.BaseDirectory);
    }

    private static string? AboveOrHere(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var file = Path.Combine(directory.FullName, ".mensageria", ResourcesFile);
            if (File.Exists(file))
            {
                return file;
            }
        }

        return null;
    }
}

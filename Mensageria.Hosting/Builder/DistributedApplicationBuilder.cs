using System.Reflection;
using Mensageria.Hosting.ApplicationModel;
using Mensageria.Hosting.Lifecycle;
using Mensageria.Hosting.Processes;
using Mensageria.Hosting.Runners;
using Mensageria.Hosting.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Mensageria.Hosting;

/// <summary>Describes the application's resources, then builds the host that runs them.</summary>
public sealed class DistributedApplicationBuilder
{
    private readonly HostApplicationBuilder _host;
    private readonly List<Resource> _resources = [];
    private TelemetryEndpoint? _defaultTelemetry;

    internal DistributedApplicationBuilder(DistributedApplicationOptions options, Assembly appHostAssembly)
    {
        Options = options;
        var projectDirectory = appHostAssembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "MensageriaProjectDirectory")?.Value ?? Directory.GetCurrentDirectory();
        _host = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = options.Args,
            ApplicationName = appHostAssembly.GetName().Name,
            ContentRootPath = projectDirectory,
        });
        State = new StateDirectory(options.StateDirectory
            ?? _host.Configuration[StateDirectory.EnvironmentVariable]
            ?? StateDirectory.DefaultPath(projectDirectory));
        _host.Logging.ClearProviders();
        if (options.EchoResourceOutput)
        {
            _host.Logging.AddConsole(console => console.FormatterName = AppHostConsoleFormatter.FormatterName)
                .AddConsoleFormatter<AppHostConsoleFormatter, ConsoleFormatterOptions>();
        }

        // A start that fails is reported once, plainly, by DistributedApplication.RunAsync.
        _host.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        _host.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));
    }

    public IConfigurationManager Configuration => _host.Configuration;

    public IHostEnvironment Environment => _host.Environment;

    public IServiceCollection Services => _host.Services;

    public DistributedApplicationOptions Options { get; }

    public StateDirectory State { get; }

    public IReadOnlyList<IResource> Resources => _resources;

    public IResourceBuilder<T> AddResource<T>(T resource) where T : Resource
    {
        if (_resources.Any(r => r.Name == resource.Name))
        {
            throw new InvalidOperationException($"There is already a resource named '{resource.Name}'.");
        }

        _resources.Add(resource);
        return new ResourceBuilder<T>(resource, this);
    }

    /// <summary>
    /// Where services send their telemetry (the dashboard's OTLP receiver) unless the app host itself
    /// was given <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>: a collector chosen by whoever runs the app host wins.
    /// </summary>
    public DistributedApplicationBuilder WithDefaultTelemetryEndpoint(TelemetryEndpoint endpoint)
    {
        _defaultTelemetry = endpoint;
        return this;
    }

    public DistributedApplication Build()
    {
        var allocation = new AllocationContext(State, Options.RandomizePorts);
        foreach (var resource in _resources)
        {
            resource.Allocate(allocation);
        }

        var services = _host.Services;
        services.AddSingleton(State);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ResourceLogStore>();
        services.AddSingleton<ResourceNotificationService>();
        services.AddSingleton(sp => new ProcessLedger(State.ProcessLedgerFile, sp.GetRequiredService<ILogger<ProcessLedger>>()));
        services.AddSingleton(sp => new RunnerContext(
            State,
            sp.GetRequiredService<ResourceLogStore>(),
            sp.GetRequiredService<ProcessLedger>(),
            sp.GetRequiredService<ResourceNotificationService>(),
            Environment.EnvironmentName,
            TelemetryFromConfiguration() ?? _defaultTelemetry,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IReadOnlyList<ResourceRunner>>(sp => [.. _resources.Select(r => CreateRunner(r, sp.GetRequiredService<RunnerContext>()))]);
        services.AddSingleton<ApplicationOrchestrator>();
        services.AddSingleton(sp => new ResourceCommandService(
            sp.GetRequiredService<ApplicationOrchestrator>(),
            sp.GetRequiredService<IReadOnlyList<ResourceRunner>>(),
            sp.GetRequiredService<RunnerContext>()));
        services.AddHostedService(sp => sp.GetRequiredService<ApplicationOrchestrator>());
        services.AddSingleton<ResourcesFileWriter>();
        services.AddSingleton<ConsoleReporter>();
        services.AddSingleton<ConsoleEcho>();
        return new DistributedApplication(_host.Build(), Options, State);
    }

    /// <summary>An OTLP collector given to the app host itself is where every service sends its telemetry.</summary>
    private TelemetryEndpoint? TelemetryFromConfiguration() =>
        Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 } endpoint
            ? new TelemetryEndpoint(endpoint, Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] ?? "grpc", Configuration["OTEL_EXPORTER_OTLP_HEADERS"])
            : null;

    private static ResourceRunner CreateRunner(Resource resource, RunnerContext context) => resource switch
    {
        RabbitMQServerResource broker => new RabbitMQServerRunner(broker, context),
        RedisResource redis => new RedisServerRunner(redis, context),
        ProjectResource project => new ProjectRunner(project, context),
        _ => throw new InvalidOperationException($"No runner knows how to run {resource}."),
    };
}

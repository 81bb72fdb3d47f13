namespace Mensageria.Hosting.ApplicationModel;

/// <summary>
/// The variables a project replica receives, in Aspire's forms, so a service runs unchanged under
/// this app host or a real Aspire one: connection strings, <c>services__…</c> endpoints,
/// <c>OTEL_*</c> settings and its own URL.
/// </summary>
public static class ProjectEnvironment
{
    public static IReadOnlyDictionary<string, string> For(
        ProjectResource project, int replica, string environmentName, TelemetryEndpoint? telemetry)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = project.HttpUrl(replica),
            ["ASPNETCORE_ENVIRONMENT"] = environmentName,
            ["DOTNET_ENVIRONMENT"] = environmentName,
            ["OTEL_SERVICE_NAME"] = project.Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={project.ReplicaId(replica)}",
        };

        if (telemetry is not null)
        {
            variables["OTEL_EXPORTER_OTLP_ENDPOINT"] = telemetry.Endpoint;
            variables["OTEL_EXPORTER_OTLP_PROTOCOL"] = telemetry.Protocol;
            if (telemetry.Headers is not null)
            {
                variables["OTEL_EXPORTER_OTLP_HEADERS"] = telemetry.Headers;
            }
        }

        if (string.Equals(environmentName, "Development", StringComparison.OrdinalIgnoreCase))
        {
            // Short export intervals so a developer sees telemetry about a second after it happens.
            variables["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
            variables["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
            variables["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
            variables["OTEL_TRACES_SAMPLER"] = "always_on";
        }

        foreach (var reference in project.References)
        {
            switch (reference)
            {
                case RabbitMQServerResource { ManagementUrl: { } management } broker:
                    // The management API (queue figures, the web's operations panel), found like a service.
                    variables[$"ConnectionStrings__{broker.Name}"] = broker.ConnectionString;
                    variables[$"services__{broker.Name}__management__0"] = management;
                    break;
                case IResourceWithConnectionString server:
                    variables[$"ConnectionStrings__{server.Name}"] = server.ConnectionString;
                    break;
                case ProjectResource service:
                    for (var i = 0; i < service.Replicas; i++)
                    {
                        variables[$"services__{service.Name}__http__{i}"] = service.HttpUrl(i);
                    }

                    break;
                default:
                    throw new InvalidOperationException($"{project} references {reference}, which offers neither a connection string nor an endpoint.");
            }
        }

        foreach (var (name, value) in project.Environment)
        {
            variables[name] = value;
        }

        return variables;
    }
}

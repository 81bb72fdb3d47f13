namespace Mensageria.Worker;

/// <summary>
/// Which replica of the worker this process is, named as the Aspire dashboard names it:
/// <c>{OTEL_SERVICE_NAME}-{service.instance.id}</c> (the app host gives each replica its own
/// <c>service.instance.id</c> in <c>OTEL_RESOURCE_ATTRIBUTES</c>).
/// </summary>
public sealed record ReplicaIdentity(string InstanceId)
{
    private const string ResourceAttributesKey = "OTEL_RESOURCE_ATTRIBUTES";
    private const string ServiceNameKey = "OTEL_SERVICE_NAME";
    private const string InstanceIdAttribute = "service.instance.id";

    public static ReplicaIdentity FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return FindInstanceId(configuration[ResourceAttributesKey]) is { } instance
            ? new(configuration[ServiceNameKey] is { Length: > 0 } service ? $"{service}-{instance}" : instance)
            : new($"{Environment.MachineName}-{Environment.ProcessId}");
    }

    // The variable is a comma-separated list of key=value pairs with percent-encoded values.
    internal static string? FindInstanceId(string? resourceAttributes)
    {
        foreach (var pair in (resourceAttributes ?? "").Split(',', StringSplitOptions.TrimEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0 && pair[..separator].Trim() == InstanceIdAttribute)
            {
                var value = Uri.UnescapeDataString(pair[(separator + 1)..].Trim());
                return value.Length > 0 ? value : null;
            }
        }

        return null;
    }
}

namespace Mensageria.Dashboard.Otlp;

/// <summary>Who sent a batch: <c>service.name</c> (the resource: api, worker) and <c>service.instance.id</c> (the replica).</summary>
internal sealed record OtlpResource(string Name, string? Instance, IReadOnlyDictionary<string, string> Attributes)
{
    public const string UnknownService = "unknown_service";

    public static OtlpResource From(OpenTelemetry.Proto.Resource.V1.Resource? resource, OtlpValues values, ref long dropped)
    {
        var attributes = resource is null ? [] : values.Attributes(resource.Attributes, ref dropped);
        return new OtlpResource(
            attributes.GetValueOrDefault("service.name") is { Length: > 0 } name ? values.Pooled(name) : UnknownService,
            attributes.GetValueOrDefault("service.instance.id") is { } instance ? values.Pooled(instance) : null,
            attributes);
    }
}

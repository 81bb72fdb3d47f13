using Microsoft.AspNetCore.Http.HttpResults;

namespace Mensageria.Worker;

/// <summary>The worker's root: says which replica answered.</summary>
public static class RootApi
{
    public static IEndpointRouteBuilder MapRootApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/", GetRoot);
        return app;
    }

    public static Ok<ServiceInfo> GetRoot(ReplicaIdentity replica)
    {
        ArgumentNullException.ThrowIfNull(replica);
        return TypedResults.Ok(new ServiceInfo("worker", replica.InstanceId, "Processing orders from orders.placed."));
    }
}

/// <summary>What the root of a service says about it.</summary>
public sealed record ServiceInfo(string Service, string Instance, string Status);

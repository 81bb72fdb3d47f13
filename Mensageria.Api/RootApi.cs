using Microsoft.AspNetCore.Http.HttpResults;

namespace Mensageria.Api;

/// <summary>The API's root: says which service answered, until the order endpoints arrive.</summary>
public static class RootApi
{
    public static IEndpointRouteBuilder MapRootApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/", GetRoot);
        return app;
    }

    public static Ok<ServiceInfo> GetRoot(IHostEnvironment environment) =>
        TypedResults.Ok(new ServiceInfo("api", environment.ApplicationName, "Orders at /api/orders; reference at /scalar."));
}

/// <summary>What the root of a service says about it.</summary>
public sealed record ServiceInfo(string Service, string Application, string Status);

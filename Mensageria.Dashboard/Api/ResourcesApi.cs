using Mensageria.Hosting.Lifecycle;
using Mensageria.Hosting.Processes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mensageria.Dashboard.Api;

/// <summary>The app host's resources (only when the dashboard runs inside it): state, console output, stop/start/restart.</summary>
internal static class ResourcesApi
{
    public static void MapResourcesApi(this IEndpointRouteBuilder endpoints, string host)
    {
        var resources = endpoints.MapGroup("/api/resources").RequireHost(host);

        resources.MapGet("/", (ResourceNotificationService notifications, ResourceCommandService commands) =>
            TypedResults.Ok(notifications.Snapshots.Select(s => ResourceView.From(s, commands.GetEnvironment(s.Name))).ToList()));

        resources.MapGet("/{name}/console", Results<Ok<List<ConsoleLine>>, NotFound<string>> (
            string name, long? after, ResourceNotificationService notifications, ResourceLogStore logs) =>
        {
            if (!notifications.Snapshots.Any(s => s.Name == name))
            {
                return TypedResults.NotFound($"There is no resource named '{name}'.");
            }

            return TypedResults.Ok(logs.GetLines(name, after ?? 0)
                .Select(l => new ConsoleLine(l.Number, l.Line.ReplicaId, l.Line.Time, l.Line.Text, l.Line.IsError)).ToList());
        });

        resources.MapPost("/{name}/{action}", async Task<Results<Accepted, NotFound<string>, BadRequest<string>>> (
            string name, string action, ResourceNotificationService notifications, ResourceCommandService commands) =>
        {
            if (!notifications.Snapshots.Any(s => s.Name == name))
            {
                return TypedResults.NotFound($"There is no resource named '{name}'.");
            }

            Func<string, CancellationToken, Task>? command = action switch
            {
                "stop" => commands.StopAsync,
                "start" => commands.StartAsync,
                "restart" => commands.RestartAsync,
                _ => null,
            };
            if (command is null)
            {
                return TypedResults.BadRequest($"'{action}' is not an action: use stop, start or restart.");
            }

            // Not cancelled with the request: a stop cut halfway would leave the resource neither running nor stopped.
            await command(name, CancellationToken.None);
            return TypedResults.Accepted($"/api/resources");
        });
    }
}

using Microsoft.AspNetCore.Http.HttpResults;

namespace Mensageria.Web.Operations;

/// <summary>The operations panel's data (<c>GET /ops/queues</c>) and its replay action (<c>POST /ops/dead-letters/replay</c>).</summary>
public static class OperationsApi
{
    public static IEndpointRouteBuilder MapOperationsApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var ops = app.MapGroup("/ops");
        ops.MapGet("/queues", GetQueuesAsync);
        ops.MapPost("/dead-letters/replay", ReplayAsync);
        return app;
    }

    public static async Task<Results<Ok<OperationsPanel>, ProblemHttpResult>> GetQueuesAsync(QueueMonitor monitor, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await monitor.GetPanelAsync(cancellationToken));
        }
        catch (HttpRequestException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The broker's management API did not answer.", detail: e.Message);
        }
    }

    public static async Task<Ok<ReplayResult>> ReplayAsync(DeadLetterReplayer replayer, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ReplayResult(await replayer.ReplayAsync(cancellationToken)));
}

/// <summary>How many dead letters went back to the order queue.</summary>
public sealed record ReplayResult(int Replayed);

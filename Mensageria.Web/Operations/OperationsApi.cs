using Mensageria.Web.Credentials;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mensageria.Web.Operations;

/// <summary>
/// The operations panel's data (<c>GET /ops/queues</c>), the oldest dead letters
/// (<c>GET /ops/dead-letters</c>), the replay action (<c>POST /ops/dead-letters/replay</c>) and the
/// API keys (<c>/ops/credentials</c>), all for the logged-in operator only.
/// </summary>
public static class OperationsApi
{
    public static IEndpointRouteBuilder MapOperationsApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var ops = app.MapGroup("/ops").RequireAuthorization(OperatorDefaults.Policy);
        ops.MapGet("/queues", GetQueuesAsync);
        ops.MapGet("/dead-letters", ListDeadLettersAsync);
        ops.MapPost("/dead-letters/replay", ReplayAsync);
        ops.MapCredentialsApi();
        app.MapOperatorLogin();
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

    public static async Task<Results<Ok<IReadOnlyList<DeadLetter>>, ValidationProblem>> ListDeadLettersAsync(
        DeadLetterInspector inspector, CancellationToken cancellationToken, int limit = 20) =>
        limit is < 1 or > DeadLetterInspector.MaxPerList
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"1 to {DeadLetterInspector.MaxPerList}."] })
            : TypedResults.Ok(await inspector.ListAsync(limit, cancellationToken));

    public static async Task<Ok<ReplayResult>> ReplayAsync(DeadLetterReplayer replayer, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ReplayResult(await replayer.ReplayAsync(cancellationToken)));
}

/// <summary>How many dead letters went back to the order queue.</summary>
public sealed record ReplayResult(int Replayed);

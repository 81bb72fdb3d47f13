using System.Text.RegularExpressions;
using Mensageria.Messaging.Credentials;
using Mensageria.Web.Operations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Mensageria.Web.Credentials;

/// <summary>
/// The API keys, for the operator: <c>GET /ops/credentials</c> lists them with their states,
/// <c>POST /ops/credentials</c> issues one (its key is in that answer only), <c>POST /ops/credentials/{id or name}/revoke</c> revokes one.
/// </summary>
public static partial class CredentialsApi
{
    public static RouteGroupBuilder MapCredentialsApi(this RouteGroupBuilder ops)
    {
        ArgumentNullException.ThrowIfNull(ops);
        ops.MapGet("/credentials", ListAsync);
        ops.MapPost("/credentials", CreateAsync);
        ops.MapPost("/credentials/{key}/revoke", RevokeAsync);
        return ops;
    }

    public static async Task<Ok<CredentialsPanel>> ListAsync(ApiKeyStore keys, IOptions<OperationsOptions> options, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var window = options.Value.ExpiringSoonWindow;
        var views = (await keys.ListAsync()).Select(k => CredentialView.Of(k, now, window)).ToList();
        return TypedResults.Ok(new CredentialsPanel(views, views.Count(v => v.State == CredentialState.ExpiringSoon), window, now));
    }

    public static async Task<Results<Created<CreatedKey>, ValidationProblem>> CreateAsync(
        CreateKeyRequest? request, ApiKeyStore keys, IOptions<OperationsOptions> options, TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        if (request?.Name is not { } name || !NamePattern().IsMatch(name))
        {
            errors["name"] = ["1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit."];
        }

        if (!KeyLifetime.TryParse(request?.Expires, out var lifetime))
        {
            errors["expires"] = [KeyLifetime.Rule];
        }

        var rate = request?.RequestsPerMinute ?? options.Value.DefaultRequestsPerMinute;
        if (rate is < 1 or > 1_000_000)
        {
            errors["requestsPerMinute"] = ["1 to 1000000."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The key cannot be created.");
        }

        var (record, key) = await keys.CreateAsync(request!.Name!, lifetime, rate);
        var view = CredentialView.Of(record, time.GetUtcNow(), options.Value.ExpiringSoonWindow);
        return TypedResults.Created($"/ops/credentials/{record.Id}", new CreatedKey(key, view));
    }

    /// <summary>By id, or by name when one unrevoked key has it.</summary>
    public static async Task<Results<Ok<CredentialView>, ProblemHttpResult>> RevokeAsync(
        string key, ApiKeyStore keys, IOptions<OperationsOptions> options, TimeProvider time)
    {
        List<ApiKeyRecord> matches = await keys.GetAsync(key) is { } byId ? [byId] : [.. (await keys.ListAsync()).Where(k => k.Name == key && k.RevokedAt is null)];
        if (matches.Count != 1)
        {
            return matches.Count == 0
                ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such key.", detail: $"No key has the id '{key}', and no unrevoked key the name.")
                : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Several keys have that name.",
                    detail: $"Revoke one by its id: {string.Join(", ", matches.Select(k => k.Id))}.");
        }

        await keys.RevokeAsync(matches[0].Id);
        return TypedResults.Ok(CredentialView.Of((await keys.GetAsync(matches[0].Id))!, time.GetUtcNow(), options.Value.ExpiringSoonWindow));
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();
}

using System.Security.Claims;
using Mensageria.Messaging.Credentials;
using Mensageria.Web.Operations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Mensageria.Web.Credentials;

/// <summary><c>POST /ops/login</c> with the operator's secret starts a cookie session; <c>POST /ops/logout</c> ends it; <c>GET /ops/session</c> says who is in.</summary>
public static class OperatorLoginApi
{
    public const string Hint =
        "Log in with the operator secret: open the panel's login URL that the app host prints at start, POST it to /ops/login, " +
        "or send 'Authorization: Bearer OPERATOR-SECRET' (the command line reads MENSAGERIA_OPERATOR_SECRET).";

    public static IEndpointRouteBuilder MapOperatorLogin(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var login = app.MapGroup("/ops").WithTags("Operator login");
        login.MapPost("/login", LoginAsync);
        // Cast: a handler of HttpContext alone would be taken for a RequestDelegate, and its result dropped.
        login.MapPost("/logout", (Func<HttpContext, Task<NoContent>>)LogoutAsync);
        login.MapGet("/session", (ClaimsPrincipal user) => TypedResults.Ok(new OperatorSession(user.Identity?.Name ?? OperatorDefaults.Role)))
            .RequireAuthorization(OperatorDefaults.Policy);
        return app;
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> LoginAsync(HttpContext context, OperatorLoginRequest? request, IOptions<OperationsOptions> options)
    {
        if (request?.Secret is not { Length: > 0 and <= BearerToken.MaxLength } secret
            || options.Value.OperatorSecret is not { Length: > 0 } expected
            || !ApiKeySecret.FixedTimeEquals(secret, expected))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not the operator's secret.", detail: Hint);
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, OperatorDefaults.Role), new Claim(ClaimTypes.Role, OperatorDefaults.Role)], OperatorDefaults.CookieScheme);
        await context.SignInAsync(OperatorDefaults.CookieScheme, new ClaimsPrincipal(identity));
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> LogoutAsync(HttpContext context)
    {
        await context.SignOutAsync(OperatorDefaults.CookieScheme);
        return TypedResults.NoContent();
    }
}

/// <summary>The login form's body.</summary>
public sealed record OperatorLoginRequest(string? Secret);

/// <summary>Who is logged in.</summary>
public sealed record OperatorSession(string Name);

using Microsoft.AspNetCore.Http.HttpResults;

namespace Mensageria.Dashboard.Security;

/// <summary>
/// The dashboard's login: <c>/login?t={token}</c> (the URL the app host prints) trades the browser
/// token for an HttpOnly, SameSite=Strict cookie; without a valid token it shows the login form.
/// </summary>
internal static class BrowserLogin
{
    public const string Path = "/login";

    public static string CookieName(DashboardOptions options) => $"mensageria-dashboard-{options.Port}";

    public static void MapLogin(this IEndpointRouteBuilder endpoints, string host) =>
        endpoints.MapGet(Path, Results<RedirectHttpResult, ContentHttpResult> (
            HttpContext context, DashboardOptions options, string? t, string? @return) =>
        {
            if (t is null)
            {
                return LoginPage.Render(@return, error: null, StatusCodes.Status200OK);
            }

            if (!SecretComparer.Matches(t, options.BrowserToken))
            {
                return LoginPage.Render(@return, "That token is not this dashboard's. Use the login URL the app host printed.", StatusCodes.Status401Unauthorized);
            }

            context.Response.Cookies.Append(CookieName(options), options.BrowserToken, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                IsEssential = true,
                Path = "/",
            });
            return TypedResults.Redirect(IsLocalPath(@return) ? @return! : "/");
        }).RequireHost(host);

    public static bool IsSignedIn(HttpContext context, DashboardOptions options)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        return SecretComparer.Matches(context.Request.Cookies[CookieName(options)], options.BrowserToken)
            || (authorization.StartsWith("Bearer ", StringComparison.Ordinal)
                && SecretComparer.Matches(authorization["Bearer ".Length..].Trim(), options.BrowserToken));
    }

    /// <summary>Only a path of this site: never <c>//elsewhere</c> or an absolute URL (an open redirect).</summary>
    public static bool IsLocalPath(string? path) =>
        path is { Length: > 0 } && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'));
}

namespace Mensageria.Dashboard.Security;

/// <summary>
/// Guards the dashboard's own port: without the login cookie or a bearer token, <c>/api/**</c>
/// answers 401 and every page sends the browser to the login form (then back).
/// </summary>
internal sealed class BrowserLoginMiddleware(RequestDelegate next, DashboardOptions options)
{
    private static readonly string[] s_open = [BrowserLogin.Path, "/app.css", "/favicon.svg"];

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (s_open.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase)) || BrowserLogin.IsSignedIn(context, options))
        {
            return next(context);
        }

        if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(
                "Not logged in: open the login URL the app host printed, or send 'Authorization: Bearer {token}'.",
                statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context);
        }

        var back = Uri.EscapeDataString(context.Request.Path + context.Request.QueryString);
        return TypedResults.Redirect($"{BrowserLogin.Path}?return={back}").ExecuteAsync(context);
    }
}

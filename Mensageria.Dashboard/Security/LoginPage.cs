using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mensageria.Dashboard.Security;

/// <summary>The form that asks for the browser token; rendered on the server, as it is all that shows before login.</summary>
internal static class LoginPage
{
    public static ContentHttpResult Render(string? returnPath, string? error, int statusCode)
    {
        var back = BrowserLogin.IsLocalPath(returnPath) ? returnPath! : "/";
        var html = $"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Mensageria dashboard: log in</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/app.css"></head>
            <body class="login">
            <form id="login" method="get" action="{BrowserLogin.Path}">
              <h1>Mensageria dashboard</h1>
              <p>Open the login URL the app host printed (<code>Dashboard: http://localhost:18888/login?t=…</code>), or paste its token here.</p>
              {(error is null ? "" : $"<p class=\"error\" id=\"login-error\">{WebUtility.HtmlEncode(error)}</p>")}
              <label for="token">Token</label>
              <input id="token" name="t" type="password" autocomplete="off" autofocus required>
              <input type="hidden" name="return" value="{WebUtility.HtmlEncode(back)}">
              <button type="submit">Log in</button>
            </form>
            </body>
            </html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: statusCode);
    }
}

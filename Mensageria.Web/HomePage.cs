using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mensageria.Web;

/// <summary>The front page, until the shop arrives: says whether the API answered.</summary>
public static class HomePage
{
    public static IEndpointRouteBuilder MapHomePage(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/", GetAsync);
        return app;
    }

    public static async Task<ContentHttpResult> GetAsync(ApiClient api, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        var answer = await api.TryGetRootAsync(cancellationToken);
        return TypedResults.Content(Render(answer), "text/html; charset=utf-8");
    }

    internal static string Render(string? apiAnswer)
    {
        var api = apiAnswer is null
            ? """<strong class="down">unreachable</strong>"""
            : $"""<strong class="up">answered</strong> <code>{HtmlEncoder.Default.Encode(apiAnswer)}</code>""";

        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Mensageria</title>
              <style>
                body { font-family: system-ui, sans-serif; margin: 3rem auto; max-width: 40rem; padding: 0 1rem; }
                .up { color: #1a7f37; } .down { color: #cf222e; }
              </style>
            </head>
            <body>
              <h1>Mensageria</h1>
              <p>The shop comes later.</p>
              <p id="api-status">API: {{api}}</p>
            </body>
            </html>
            """;
    }
}

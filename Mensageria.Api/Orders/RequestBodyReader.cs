using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mensageria.Api.Orders;

/// <summary>
/// Reads an order body by hand, so every way it can be wrong gets its own answer: not JSON (415),
/// too large (413), missing, malformed or of the wrong types (400 naming the field).
/// </summary>
public static class RequestBodyReader
{
    public static async Task<(PlaceOrderRequest? Request, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength == 0 || (request.ContentType is null && request.ContentLength is null))
        {
            return (null, Invalid("body", "A JSON body is required."));
        }

        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "The body must be JSON.",
                detail: $"Send Content-Type: application/json, not '{request.ContentType ?? "none"}'."));
        }

        if (request.ContentLength > OrderRules.MaxBodyBytes)
        {
            return (null, TooLarge());
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > OrderRules.MaxBodyBytes)
            {
                return (null, TooLarge());
            }

            buffer.Write(chunk, 0, read);
        }

        var json = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        try
        {
            // Well-formed first, so a syntax error is not taken for a value of the wrong type.
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, Invalid("body", "The body must be a JSON object."));
            }
        }
        catch (JsonException)
        {
            return (null, Invalid("body", "The body is not valid JSON."));
        }

        try
        {
            return (JsonSerializer.Deserialize(json.Span, ApiJsonContext.Default.PlaceOrderRequest), null);
        }
        catch (JsonException e)
        {
            return (null, Invalid(e.Path?.TrimStart('$', '.') is { Length: > 0 } field ? field : "body",
                "This value has the wrong type (SKUs and ids are strings, quantities whole numbers)."));
        }
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The order is not valid.");

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The body is too large.",
        detail: $"An order body is at most {OrderRules.MaxBodyBytes / 1024} KiB.");
}

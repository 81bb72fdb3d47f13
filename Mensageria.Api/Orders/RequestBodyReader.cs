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

        if (buffer.Length == 0)
        {
            return (null, Invalid("body", "A JSON body is required."));
        }

        try
        {
            var body = JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), ApiJsonContext.Default.PlaceOrderRequest);
            return body is null ? (null, Invalid("body", "The body must be a JSON object.")) : (body, null);
        }
        catch (JsonException e)
        {
            return (null, Invalid(FieldOf(e.Path), e.Path is null or "$"
                ? "The body is not valid JSON."
                : "This value has the wrong type (SKUs and ids are strings, quantities whole numbers)."));
        }
    }

    // "$.lines[0].quantity" → "lines[0].quantity"; the root → "body".
    private static string FieldOf(string? path) => path is null or "$" ? "body" : path.TrimStart('$', '.');

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The order is not valid.");

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The body is too large.",
        detail: $"An order body is at most {OrderRules.MaxBodyBytes / 1024} KiB.");
}

using Mensageria.Messaging.Consuming;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using StackExchange.Redis;

namespace Mensageria.Messaging;

/// <summary>
/// Any endpoint that finds Redis or the broker unreachable or not ready yet answers 503 with Retry-After and problem
/// details, not a 500: the request was fine, a server was not.
/// </summary>
public sealed class ServiceUnavailableHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!TransientFailure.Is(exception))
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "2";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Try again shortly.",
                Detail = exception is RedisException ? TransientFailure.DescribeRedis(exception) : "The broker (RabbitMQ) is unreachable.",
            },
        });
    }
}

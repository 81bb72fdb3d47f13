using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Mensageria.ServiceDefaults.RabbitMQ;

/// <summary>
/// Opens a connection with a bounded exponential backoff, logging each failed attempt, and ends
/// with an exception that says what to check. After that, the client's own automatic recovery
/// takes over.
/// </summary>
internal sealed partial class RabbitMQConnector(
    string connectionName,
    ConnectionFactory factory,
    int maxAttempts,
    TimeProvider timeProvider,
    ILogger<RabbitMQConnector> logger)
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(4);

    public async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var attempts = Math.Max(1, maxAttempts);
        var endpoint = factory.Endpoint.ToString();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var connection = await factory.CreateConnectionAsync(cancellationToken);
                Log.Connected(logger, connectionName, endpoint, attempt);
                return connection;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                var reason = Innermost(exception).Message;
                var refused = IsAuthenticationFailure(exception);
                if (refused || attempt >= attempts)
                {
                    Log.GaveUp(logger, connectionName, attempt, endpoint, reason);
                    throw new InvalidOperationException(GiveUpMessage(endpoint, attempt, refused), exception);
                }

                var delay = Backoff(attempt);
                Log.AttemptFailed(logger, connectionName, attempt, attempts, endpoint, reason, delay.TotalMilliseconds);
                await Task.Delay(delay, timeProvider, cancellationToken);
            }
        }
    }

    internal static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, FirstDelay.Ticks << Math.Clamp(attempt - 1, 0, 16)));

    private string GiveUpMessage(string endpoint, int attempt, bool refused) => refused
        ? $"RabbitMQ at {endpoint} refused the credentials of connection '{connectionName}'. " +
          $"Check the user and password in ConnectionStrings:{connectionName}."
        : $"Could not connect to RabbitMQ '{connectionName}' at {endpoint} after {attempt} attempt(s). " +
          $"Check that the broker is running and reachable there, and that the user, password and " +
          $"virtual host in ConnectionStrings:{connectionName} are right.";

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is { } inner)
        {
            exception = inner;
        }

        return exception;
    }

    // Wrong credentials do not fix themselves: retrying would only delay the message.
    private static bool IsAuthenticationFailure(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is AuthenticationFailureException)
            {
                return true;
            }
        }

        return false;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "RabbitMQ connection '{ConnectionName}' open to {Endpoint} (attempt {Attempt}).")]
        public static partial void Connected(ILogger logger, string connectionName, string endpoint, int attempt);

        // Only the root cause: a stack trace per attempt would bury the log.
        [LoggerMessage(2, LogLevel.Warning, "RabbitMQ connection '{ConnectionName}': attempt {Attempt} of {MaxAttempts} to {Endpoint} failed ({Reason}); retrying in {DelayMs} ms.")]
        public static partial void AttemptFailed(ILogger logger, string connectionName, int attempt, int maxAttempts, string endpoint, string reason, double delayMs);

        // The exception itself travels up to the host, which logs it in full.
        [LoggerMessage(3, LogLevel.Error, "RabbitMQ connection '{ConnectionName}': attempt {Attempt} to {Endpoint} failed ({Reason}); giving up.")]
        public static partial void GaveUp(ILogger logger, string connectionName, int attempt, string endpoint, string reason);
    }
}

using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;

namespace Mensageria.Web.LiveFeed;

/// <summary>
/// <c>/ws</c>: a WebSocket that streams every order event as JSON (<see cref="OrderFeedMessage"/>).
/// <c>?since={unix ms or ISO 8601}</c> first sends what happened after that moment, so a client
/// that reconnects catches up; then live events follow, without repeating what catch-up sent.
/// </summary>
public static class OrderFeedEndpoint
{
    public static WebApplication MapOrderFeed(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(15) });
        app.Map("/ws", StreamAsync);
        return app;
    }

    public static async Task<IResult> StreamAsync(
        HttpContext context, OrderEventHub hub, OrderFeedCatchUp catchUp, IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Connect with a WebSocket.",
                detail: "/ws streams order events to WebSocket clients (ws://host/ws?since=…).");
        }

        if (!TryParseSince(context.Request.Query["since"], out var since))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["since"] = ["Unix milliseconds or an ISO 8601 time."] });
        }

        // Subscribed before catching up, so nothing that happens meanwhile falls between the two.
        using var subscription = hub.Subscribe();
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        // Kestrel lets a request outlive the app's stop by its shutdown timeout: a feed ends when the app stops.
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        _ = DiscardUntilClosedAsync(socket, connection);
        var caughtUp = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var missed in since is { } moment ? await catchUp.SinceAsync(moment, connection.Token) : [])
            {
                await SendAsync(socket, missed, connection.Token);
                caughtUp.Add(missed.Key);
            }

            await foreach (var message in subscription.Reader.ReadAllAsync(connection.Token))
            {
                if (!caughtUp.Contains(message.Key))
                {
                    await SendAsync(socket, message, connection.Token);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client left, or the app is stopping.
        }

        if (lifetime.ApplicationStopping.IsCancellationRequested && socket.State == WebSocketState.Open)
        {
            // "Going away": the client reconnects with ?since= and misses nothing.
            using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "the web is stopping", closing.Token)
                .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        return TypedResults.Empty;
    }

    private static Task SendAsync(WebSocket socket, OrderFeedMessage message, CancellationToken cancellationToken) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message, WebJsonContext.Default.OrderFeedMessage),
            WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>The feed only speaks; reading is how a close from the client is noticed.</summary>
    private static async Task DiscardUntilClosedAsync(WebSocket socket, CancellationTokenSource connection)
    {
        var buffer = new byte[256];
        try
        {
            while (socket.State == WebSocketState.Open && (await socket.ReceiveAsync(buffer, connection.Token)).MessageType != WebSocketMessageType.Close)
            {
            }

            if (socket.State == WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            await connection.CancelAsync();
        }
    }

    private static bool TryParseSince(string? value, out DateTimeOffset? since)
    {
        since = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var unixMilliseconds))
        {
            since = DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);
            return true;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
        {
            since = moment;
            return true;
        }

        return false;
    }
}

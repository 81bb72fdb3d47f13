using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Mensageria.Messaging.Contracts;

namespace Mensageria.Cli.Services;

/// <summary>The web's live feed (<c>/ws</c>): every order's status changes, as they happen.</summary>
public static class OrderFeed
{
    /// <summary>Yields each event until the web closes the feed or the token is cancelled.</summary>
    public static async IAsyncEnumerable<OrderStatusChanged> ReadAsync(Uri address, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(address, cancellationToken);
        }
        catch (Exception e) when (e is WebSocketException or HttpRequestException)
        {
            throw new CliException($"Cannot open the live feed at {address}: {e.Message}", ExitCodes.Unavailable, "Is the web running? Give --web http://host:port.", e);
        }

        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (socket.State == WebSocketState.Open)
        {
            message.SetLength(0);
            ValueWebSocketReceiveResult received;
            do
            {
                received = await ReceiveAsync(socket, buffer, cancellationToken);
                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage && received.MessageType != WebSocketMessageType.Close);

            if (received.MessageType == WebSocketMessageType.Close)
            {
                yield break;
            }

            if (MessageBody.TryRead(message.GetBuffer().AsSpan(0, (int)message.Length), MessagingJsonContext.Default.OrderStatusChanged) is { } change)
            {
                yield return change;
            }
        }
    }

    private static async ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(ClientWebSocket socket, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
        }
        catch (WebSocketException)
        {
            // The web went away mid-message: the same as a close, for the caller to decide.
            return new ValueWebSocketReceiveResult(0, WebSocketMessageType.Close, endOfMessage: true);
        }
    }
}

using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Mensageria.Tests.Infrastructure;

namespace Mensageria.Tests.Web;

[Collection(SharedAppDefinition.Name)]
public sealed class LiveFeedTests(AppHostFixture fixture)
{
    private static readonly string[] s_life = ["Accepted", "Processing", "StockReserved", "Invoiced", "Completed"];

    [Fact]
    public async Task The_feed_streams_every_status_of_an_order_as_documented_JSON()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var socket = await ConnectAsync(since: null, cancellationToken);
        using var orders = OrdersClient.For(fixture.App);

        var id = await orders.PlaceAcceptedAsync("feed-live", [("TEA-001", 1)], cancellationToken);
        var messages = await ReceiveUntilCompletedAsync(socket, id, cancellationToken);

        Assert.Equal(s_life.Order(), messages.Select(m => m.GetProperty("status").GetString()).Distinct().Order());
        Assert.All(messages, message =>
        {
            Assert.Equal("order.status", message.GetProperty("type").GetString());
            Assert.Equal(id, message.GetProperty("orderId").GetString());
            Assert.True(DateTimeOffset.TryParse(message.GetProperty("at").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
            Assert.Matches("^[0-9a-f]{32}$", message.GetProperty("traceId").GetString());
            Assert.Equal(8.90m, message.GetProperty("total").GetDecimal());
        });
        var completed = messages.Last(m => m.GetProperty("status").GetString() == "Completed");
        Assert.Matches("^INV-", completed.GetProperty("invoiceNumber").GetString());
    }

    [Fact]
    public async Task A_client_that_reconnects_with_since_catches_up_on_what_it_missed()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var orders = OrdersClient.For(fixture.App);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeMilliseconds();
        var id = await orders.PlaceAcceptedAsync("feed-missed", [("TEA-002", 1)], cancellationToken);
        await orders.WaitUntilDoneAsync(id, cancellationToken);

        using var socket = await ConnectAsync(before, cancellationToken);
        var messages = await ReceiveUntilCompletedAsync(socket, id, cancellationToken);

        Assert.Equal(s_life, messages.Select(m => m.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task A_plain_request_to_the_feed_is_told_to_use_a_WebSocket()
    {
        using var web = fixture.App.CreateHttpClient("web");

        using var response = await web.GetAsync(new Uri("/ws", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<ClientWebSocket> ConnectAsync(long? since, CancellationToken cancellationToken)
    {
        var web = fixture.App.GetEndpoint("web");
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{web.Authority}/ws{(since is { } s ? $"?since={s}" : "")}"), cancellationToken);
        return socket;
    }

    /// <summary>This order's messages, in arrival order, up to its Completed one (others' messages are skipped).</summary>
    private static async Task<List<JsonElement>> ReceiveUntilCompletedAsync(ClientWebSocket socket, string orderId, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(OrdersClient.ProcessingTimeout);
        var messages = new List<JsonElement>();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var text = new StringBuilder();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, timeout.Token);
                text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            }
            while (!result.EndOfMessage);

            var message = JsonDocument.Parse(text.ToString()).RootElement.Clone();
            if (message.GetProperty("orderId").GetString() == orderId)
            {
                messages.Add(message);
                if (message.GetProperty("status").GetString() == "Completed")
                {
                    return messages;
                }
            }
        }
    }
}

using System.Net;
using System.Text.Json;
using Mensageria.Messaging.Contracts;
using Mensageria.Messaging.Topology;
using Mensageria.Tests.Infrastructure;

namespace Mensageria.Tests.Pipeline;

/// <summary>Back-pressure: past its backlog bound the API refuses new orders with a 503, and takes them again once the workers catch up.</summary>
public sealed class BacklogTests(SmallBacklogAppFixture fixture) : IClassFixture<SmallBacklogAppFixture>
{
    [Fact]
    public async Task Past_the_backlog_bound_orders_are_refused_with_503_and_taken_again_once_the_workers_catch_up()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var orders = OrdersClient.For(fixture.App);
        await using var broker = await BrokerProbe.ConnectAsync(fixture.App, cancellationToken);
        var accepted = new List<string>();
        HttpResponseMessage? refused = null;
        await fixture.App.StopResourceAsync("worker", cancellationToken);
        try
        {
            // One at a time, as fast as answered, until the API says no: it reads the queue's depth a few times a second.
            for (var i = 0; refused is null; i++)
            {
                Assert.True(i < 50 * SmallBacklogAppFixture.MaxBacklog, $"{accepted.Count} orders were accepted with no worker, none refused");
                var response = await orders.PlaceAsync($"backlog-{i}", [("TEA-002", 1)], cancellationToken: cancellationToken);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    accepted.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("orderId").GetString()!);
                    response.Dispose();
                    await Task.Delay(20, cancellationToken);
                }
                else
                {
                    refused = response;
                }
            }

            using (refused)
            {
                var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(cancellationToken)).RootElement;
                Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
                Assert.NotNull(refused.Headers.RetryAfter);
                Assert.Contains($"more than the {SmallBacklogAppFixture.MaxBacklog} this API queues", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            }

            Assert.True(accepted.Count > SmallBacklogAppFixture.MaxBacklog, $"refused at {accepted.Count} waiting orders, not past the bound");
            // The refused order left nothing behind: the queue holds exactly the accepted ones.
            Assert.Equal((uint)accepted.Count, await broker.ReadyAsync(MessagingTopology.OrdersQueue, cancellationToken));
        }
        finally
        {
            await fixture.RestartAsync("worker", cancellationToken);
        }

        var deadline = DateTime.UtcNow + OrdersClient.ProcessingTimeout;
        string? again = null;
        while (again is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "no order was accepted again after the workers returned");
            using var response = await orders.PlaceAsync("backlog-again", [("TEA-002", 1)], cancellationToken: cancellationToken);
            again = response.StatusCode == HttpStatusCode.Accepted
                ? JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("orderId").GetString()
                : null;
            await Task.Delay(again is null ? 250 : 0, cancellationToken);
        }

        var done = await Task.WhenAll(accepted.Append(again).Select(id => orders.WaitUntilDoneAsync(id, cancellationToken)));
        Assert.All(done, o => Assert.Equal(OrderStatus.Completed, o.Status));
    }
}

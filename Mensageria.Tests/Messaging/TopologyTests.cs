using System.Net.Http.Json;
using System.Text.Json;
using Mensageria.Messaging.Topology;
using Mensageria.Tests.Infrastructure;
using RabbitMQ.Client;

namespace Mensageria.Tests.Messaging;

/// <summary>The topology's declaration on a broker of before, in a virtual host of the test's own on the shared app's broker.</summary>
[Collection(SharedAppDefinition.Name)]
public sealed class TopologyTests(AppHostFixture fixture)
{
    [Fact]
    public async Task A_classic_quotes_queue_from_before_is_replaced_by_a_quorum_one()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var vhost = $"topology-{Guid.NewGuid():N}";
        var broker = new Uri(await fixture.App.GetRequiredConnectionStringAsync("messaging", cancellationToken));
        var user = Uri.UnescapeDataString(broker.UserInfo.Split(':')[0]);
        using var management = await BrokerManagement.CreateClientAsync(fixture.App, cancellationToken);
        (await management.PutAsync($"api/vhosts/{vhost}", null, cancellationToken)).EnsureSuccessStatusCode();
        try
        {
            (await management.PutAsJsonAsync($"api/permissions/{vhost}/{Uri.EscapeDataString(user)}",
                new { configure = ".*", write = ".*", read = ".*" }, cancellationToken)).EnsureSuccessStatusCode();
            await using var connection = await new ConnectionFactory { Uri = broker, VirtualHost = vhost }.CreateConnectionAsync(cancellationToken);
            await using (var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken))
            {
                await channel.QueueDeclareAsync(MessagingTopology.QuotesQueue, durable: true, exclusive: false, autoDelete: false,
                    arguments: new Dictionary<string, object?> { ["x-queue-type"] = "classic" }, cancellationToken: cancellationToken);
            }

            await MessagingTopology.DeclareAsync(connection, cancellationToken);
            // A second declaration finds what the first made: nothing to replace.
            await MessagingTopology.DeclareAsync(connection, cancellationToken);

            using var queue = JsonDocument.Parse(await management.GetStringAsync($"api/queues/{vhost}/{MessagingTopology.QuotesQueue}", cancellationToken));
            Assert.Equal("quorum", queue.RootElement.GetProperty("type").GetString());
        }
        finally
        {
            await management.DeleteAsync($"api/vhosts/{vhost}", CancellationToken.None);
        }
    }
}

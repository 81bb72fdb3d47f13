using System.Text.Json;
using Mensageria.Messaging.Topology;

namespace Mensageria.Tests.Infrastructure;

/// <summary>The cluster as the first node's management API shows it: its nodes, the queues' leaders and members, and who is connected where.</summary>
internal sealed class ClusterProbe(HttpClient http) : IDisposable
{
    /// <summary>The queues that must keep a replica on every node.</summary>
    public static readonly string[] QuorumQueues = [MessagingTopology.OrdersQueue, MessagingTopology.DeadLetterQueue, MessagingTopology.QuotesQueue];

    public static async Task<ClusterProbe> ConnectAsync(DistributedApplication app, CancellationToken cancellationToken) =>
        new(await BrokerManagement.CreateClientAsync(app, cancellationToken));

    /// <summary>The node a queue's leader runs on, and the nodes of its members that are online.</summary>
    public async Task<(string Leader, string[] Online)> QueueAsync(string queue, CancellationToken cancellationToken)
    {
        using var json = await GetAsync($"api/queues/%2F/{Uri.EscapeDataString(queue)}", cancellationToken);
        var root = json.RootElement;
        return (root.GetProperty("leader").GetString()!, [.. root.GetProperty("online").EnumerateArray().Select(n => n.GetString()!)]);
    }

    /// <summary>The names of the connections open on each node (a service names its connection after itself).</summary>
    public async Task<ILookup<string, string>> ConnectionsAsync(CancellationToken cancellationToken)
    {
        using var json = await GetAsync("api/connections", cancellationToken);
        return json.RootElement.EnumerateArray().ToLookup(
            c => c.GetProperty("node").GetString()!,
            c => c.GetProperty("client_properties").TryGetProperty("connection_name", out var name) ? name.GetString()! : "?");
    }

    /// <summary>Waits until every node runs and every quorum queue has a member online on each.</summary>
    public async Task WaitUntilWholeAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + AppHostFixture.StartTimeout;
        var state = "";
        while (true)
        {
            try
            {
                using var nodes = await GetAsync("api/nodes", cancellationToken);
                var running = nodes.RootElement.EnumerateArray().Count(n => n.GetProperty("running").GetBoolean());
                var online = new Dictionary<string, int>();
                foreach (var queue in QuorumQueues)
                {
                    online[queue] = (await QueueAsync(queue, cancellationToken)).Online.Length;
                }

                state = $"{running} nodes running; members online: {string.Join(", ", online.Select(q => $"{q.Key} {q.Value}"))}";
                if (running == ClusterAppFixture.Nodes && online.Values.All(members => members == ClusterAppFixture.Nodes))
                {
                    return;
                }
            }
            catch (HttpRequestException e)
            {
                state = e.Message;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the cluster did not become whole again: {state}");
            await Task.Delay(250, cancellationToken);
        }
    }

    public void Dispose() => http.Dispose();

    private async Task<JsonDocument> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
    }
}

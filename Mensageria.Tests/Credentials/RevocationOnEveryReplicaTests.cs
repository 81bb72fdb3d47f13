using System.Net;
using Aspire.Hosting.ApplicationModel;
using Mensageria.Tests.Infrastructure;

namespace Mensageria.Tests.Credentials;

/// <summary>A revocation holds at once on every API replica: nothing is cached, each asks Redis.</summary>
public sealed class RevocationOnEveryReplicaTests(RevocationOnEveryReplicaTests.TwoApiReplicasApp fixture) : IClassFixture<RevocationOnEveryReplicaTests.TwoApiReplicasApp>
{
    [Fact]
    public async Task A_revoked_key_is_refused_by_each_replica_on_its_next_request()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var keys = new KeysClient(fixture.App);
        var (id, key) = await keys.CreateAsync("replicated", cancellationToken: cancellationToken);
        // Each replica on its own port, past the proxy that spreads requests over them.
        var replicas = fixture.App.Instances("api").Values
            .Select(s => new Uri(s.EnvironmentVariables.Single(e => e.Name == "ASPNETCORE_URLS").Value!.Split(';')[0]))
            .ToList();
        Assert.Equal(2, replicas.Distinct().Count());

        foreach (var replica in replicas)
        {
            using var accepted = await keys.CallApiAsync($"Bearer {key}", cancellationToken, replica);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        await keys.RevokeAsync(id, cancellationToken);

        foreach (var replica in replicas)
        {
            using var refused = await keys.CallApiAsync($"Bearer {key}", cancellationToken, replica);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
    }

    /// <summary>The app with two API replicas.</summary>
    public sealed class TwoApiReplicasApp : PrivateAppFixture
    {
        protected override void Configure(IDistributedApplicationTestingBuilder builder)
        {
            ArgumentNullException.ThrowIfNull(builder);
            builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "api")).WithReplicas(2);
        }
    }
}

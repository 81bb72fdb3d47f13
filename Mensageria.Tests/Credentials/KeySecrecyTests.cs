using System.Net;
using Aspire.Hosting.ApplicationModel;
using Mensageria.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Mensageria.Tests.Credentials;

/// <summary>A key in use, accepted and refused, leaves no trace of itself in the dashboard's spans and logs, nor in any console.</summary>
[Collection(SharedAppDefinition.Name)]
public sealed class KeySecrecyTests(AppHostFixture fixture)
{
    [Fact]
    public async Task A_key_never_appears_in_spans_logs_or_consoles()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var keys = new KeysClient(fixture.App);
        var (id, key) = await keys.CreateAsync("secrecy", requestsPerMinute: 2, cancellationToken: cancellationToken);
        var secret = key[(key.LastIndexOf('_') + 1)..];
        using (var accepted = await keys.CallApiAsync($"Bearer {key}", cancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        using (await keys.CallApiAsync($"Bearer {key}", cancellationToken))
        using (var limited = await keys.CallApiAsync($"Bearer {key}", cancellationToken))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        }

        await keys.RevokeAsync(id, cancellationToken);
        using (var revoked = await keys.CallApiAsync($"Bearer {key}", cancellationToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        }

        // The accepted call's span names its client: once it is in the dashboard, so is everything before it.
        using var dashboard = fixture.Dashboard.ApiClient();
        var spans = await WaitForAsync(dashboard, "/api/telemetry/spans?limit=100000", "\"secrecy\"", cancellationToken);
        var logs = await dashboard.GetStringAsync(new Uri("/api/telemetry/logs?limit=100000", UriKind.Relative), cancellationToken);
        var consoles = await ConsoleLogsAsync(cancellationToken);

        foreach (var (where, text) in new[] { ("spans", spans), ("logs", logs), ("consoles", consoles) })
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"The key's secret is in the dashboard's {where}.");
        }
    }

    private static async Task<string> WaitForAsync(HttpClient dashboard, string path, string text, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            var body = await dashboard.GetStringAsync(new Uri(path, UriKind.Relative), timeout.Token);
            if (body.Contains(text, StringComparison.Ordinal))
            {
                return body;
            }

            await Task.Delay(500, timeout.Token);
        }
    }

    /// <summary>Every console line so far of the API and the web instances, as the dashboard shows them.</summary>
    private async Task<string> ConsoleLogsAsync(CancellationToken cancellationToken)
    {
        var logs = fixture.App.Services.GetRequiredService<ResourceLoggerService>();
        var text = new System.Text.StringBuilder();
        foreach (var instance in fixture.App.Instances("api").Keys.Concat(fixture.App.Instances("web").Keys))
        {
            // The backlog comes first; once no line has come for a second, it is all there is.
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            quiet.CancelAfter(TimeSpan.FromSeconds(1));
            try
            {
                await foreach (var batch in logs.WatchAsync(instance).WithCancellation(quiet.Token))
                {
                    text.AppendJoin('\n', batch.Select(line => line.Content));
                    quiet.CancelAfter(TimeSpan.FromSeconds(1));
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
        }

        return text.ToString();
    }
}

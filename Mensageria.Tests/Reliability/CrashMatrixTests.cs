using Mensageria.Tests.Infrastructure;

namespace Mensageria.Tests.Reliability;

/// <summary>
/// Each resource killed with SIGKILL while orders arrive at a steady rate, then started again with
/// Aspire's own start command (a crashed resource offers Start, not Restart). Whatever the fault:
/// every order answered 202 ends Completed or Rejected, stock taken equals the completed quantities,
/// no invoice number is issued twice, and every refusal is a 503 with Retry-After.
/// </summary>
[Collection(OneAtATimeDefinition.Name)]
public sealed class CrashMatrixTests(PrivateAppFixture fixture) : IClassFixture<PrivateAppFixture>
{
    [Theory]
    [InlineData("messaging", "SIGKILL the RabbitMQ node")]
    [InlineData("cache", "SIGKILL Redis")]
    [InlineData("api", "SIGKILL the API")]
    [InlineData("worker", "SIGKILL a worker")]
    public async Task A_resource_killed_under_load_loses_no_accepted_order_and_repeats_no_effect(string resource, string fault)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        // Only a dead API leaves requests unanswered; no server behind a live API may make it hang.
        await CrashUnderLoad.RunAsync(fixture.App, $"crash-{resource}", fault, async load =>
        {
            // The crash; then an operator's start, as soon as Aspire shows it stopped.
            var instance = fixture.App.Instances(resource).Keys.Order(StringComparer.Ordinal).First();
            var killedAt = load.Now;
            fixture.App.KillInstance(instance);
            await fixture.App.WaitForInstanceAsync(instance, AppResources.IsStopped, "stopped", AppResources.Timeout, cancellationToken);
            await fixture.App.StartInstanceAsync(instance, cancellationToken);
            await fixture.App.WaitForHealthyAsync(resource, AppHostFixture.StartTimeout, cancellationToken);
            return killedAt;
        }, unansweredAllowed: resource == "api", note: null, cancellationToken);
    }
}

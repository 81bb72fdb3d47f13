using System.Collections.Concurrent;
using System.Diagnostics;
using Mensageria.Messaging.Publishing;
using Mensageria.Messaging.Rpc;
using Mensageria.Tests.Infrastructure;

namespace Mensageria.Tests.Messaging;

/// <summary>Request/reply through the shared app's broker, with a client and a server of the test's own.</summary>
[Collection(SharedAppDefinition.Name)]
public sealed class RpcTests(AppHostFixture fixture)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_call_gets_the_servers_answer_in_the_callers_trace()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var spans = new ConcurrentBag<Activity>();
        using var listener = ListenTo(spans);
        await using var rpc = await RpcHost.StartAsync(fixture.App, withServer: true, cancellationToken);

        using var test = new ActivitySource("Mensageria.Tests").StartActivity("test");
        var pong = await rpc.CallAsync(new Ping(12), s_timeout, cancellationToken);

        Assert.Equal(new Pong(12, "144"), pong);
        // The server's span ends just after its reply is on its way: the caller can be first.
        for (var waited = 0; waited < 100 && !spans.Any(s => s.DisplayName == $"{rpc.Queue} serve"); waited++)
        {
            await Task.Delay(50, cancellationToken);
        }

        var served = Assert.Single(spans, s => s.DisplayName == $"{rpc.Queue} serve" && s.TraceId == test!.TraceId);
        Assert.NotEqual(test!.SpanId, served.ParentSpanId);
        Assert.Contains(spans, s => s.DisplayName == $"{rpc.Queue} call" && s.ParentSpanId == test.SpanId);
    }

    [Fact]
    public async Task Many_calls_in_flight_each_get_their_own_answer()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var rpc = await RpcHost.StartAsync(fixture.App, withServer: true, cancellationToken);

        // Varied delays, so the replies come back in another order than the requests went out.
        var calls = Enumerable.Range(1, 300).Select(n => rpc.CallAsync(new Ping(n, DelayMs: n * 7 % 50), s_timeout, cancellationToken)).ToList();
        var answers = await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(1, 300), answers.Select(a => a.Number));
        Assert.All(answers, a => Assert.Equal(((long)a.Number * a.Number).ToString(System.Globalization.CultureInfo.InvariantCulture), a.Squared));
        Assert.Equal(0, rpc.Client.InFlight);
        Assert.Equal(0, rpc.Client.DroppedReplies);
    }

    [Fact]
    public async Task A_call_with_no_server_times_out()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var rpc = await RpcHost.StartAsync(fixture.App, withServer: false, cancellationToken);

        var error = await Assert.ThrowsAsync<RpcTimeoutException>(() => rpc.CallAsync(new Ping(1), TimeSpan.FromMilliseconds(300), cancellationToken));

        Assert.Equal(rpc.Queue, error.Queue);
        Assert.Equal(0, rpc.Client.InFlight);
    }

    [Fact]
    public async Task A_reply_after_the_timeout_is_dropped_and_counted_and_later_calls_still_work()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var rpc = await RpcHost.StartAsync(fixture.App, withServer: true, cancellationToken);

        await Assert.ThrowsAsync<RpcTimeoutException>(() => rpc.CallAsync(new Ping(1, DelayMs: 1500), TimeSpan.FromMilliseconds(500), cancellationToken));
        await WaitUntilAsync(() => rpc.Client.DroppedReplies > 0, cancellationToken);

        Assert.Equal(new Pong(2, "4"), await rpc.CallAsync(new Ping(2), s_timeout, cancellationToken));
        Assert.Equal(1, rpc.Client.DroppedReplies);
    }

    [Fact]
    public async Task A_cancelled_call_stops_waiting()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var rpc = await RpcHost.StartAsync(fixture.App, withServer: false, cancellationToken);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var call = rpc.CallAsync(new Ping(1), s_timeout, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(0, rpc.Client.InFlight);
    }

    [Fact]
    public async Task A_call_waiting_when_the_broker_connection_goes_fails_at_once()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var rpc = await RpcHost.StartAsync(fixture.App, withServer: false, cancellationToken);
        try
        {
            var call = rpc.CallAsync(new Ping(1), TimeSpan.FromMinutes(5), cancellationToken);
            await WaitUntilAsync(() => rpc.Client.InFlight > 0, cancellationToken);

            await rpc.CloseConnectionAsync();

            // Its reply could only come on the channel that is gone: failed now, not after five minutes.
            await Assert.ThrowsAsync<PublishFailedException>(() => call);
            Assert.Equal(0, rpc.Client.InFlight);
        }
        finally
        {
            await using var broker = await BrokerProbe.ConnectAsync(fixture.App, cancellationToken);
            await broker.Channel.QueueDeleteAsync(rpc.Queue, ifUnused: false, ifEmpty: false, cancellationToken: cancellationToken);
            await rpc.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("out of paper", false)]
    [InlineData("unavailable", true)]
    public async Task A_failing_handler_answers_with_its_failure(string failure, bool unavailable)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var rpc = await RpcHost.StartAsync(fixture.App, withServer: true, cancellationToken);

        var error = await Assert.ThrowsAsync<RpcFailedException>(() => rpc.CallAsync(new Ping(1, Fail: failure), s_timeout, cancellationToken));

        Assert.Equal(unavailable, error.Unavailable);
        Assert.Contains(unavailable ? "try again" : failure, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_to_a_queue_that_does_not_exist_fails_at_once()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var rpc = await RpcHost.StartAsync(fixture.App, withServer: false, cancellationToken);

        var error = await Assert.ThrowsAsync<PublishFailedException>(() => rpc.Client.CallAsync(
            "no-such-queue", new Ping(1), PingJsonContext.Default.Ping, PingJsonContext.Default.Pong, s_timeout, cancellationToken));

        Assert.Contains("no-such-queue", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Polls until the condition holds; fails the test rather than hang if it never does.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(s_timeout);
        while (!condition())
        {
            await Task.Delay(10, limit.Token);
        }
    }

    private static ActivityListener ListenTo(ConcurrentBag<Activity> spans)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Mensageria.Messaging" or "Mensageria.Tests" || source.Name.StartsWith("RabbitMQ.Client", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}

using Mensageria.Dashboard.Telemetry;
using static Mensageria.Tests.Dashboard.TestSpans;

namespace Mensageria.Tests.Dashboard;

public sealed class TelemetryStoreTests
{
    [Fact]
    public void Spans_that_arrive_before_their_parent_and_in_other_batches_make_one_trace()
    {
        var store = Store();
        store.Traces.Add([Span("worker", "t1", "child", parentSpanId: "root")]);
        store.Traces.Add([Span("api", "t1", "root")]);

        var trace = store.Traces.Get("t1")!;
        Assert.Equal(2, trace.Summary.SpanCount);
        Assert.Equal(["api", "worker"], trace.Summary.Resources.Order());
        Assert.Equal("api: work root", trace.Summary.RootName);
    }

    [Fact]
    public void Any_attribute_value_of_span_or_resource_finds_its_trace_and_an_evicted_trace_is_no_longer_found()
    {
        var store = Store(l => l.MaxTraces = 2);
        store.Traces.Add([Span("api", "t1", "a", attributes: new() { ["mensageria.order.id"] = "order-1" })]);
        store.Traces.Add([Span("api", "t2", "b", attributes: new() { ["mensageria.order.id"] = "order-2" })]);

        Assert.Equal("t1", Assert.Single(store.Traces.Find(value: "order-1")).TraceId);
        Assert.Equal("t2", Assert.Single(store.Traces.Find(value: "t2")).TraceId);
        Assert.Equal(2, store.Traces.Find(value: "api-0").Count);

        store.Traces.Add([Span("api", "t3", "c")]);
        Assert.Empty(store.Traces.Find(value: "order-1"));
        Assert.Null(store.Traces.Get("t1"));
        Assert.Equal(1, store.Evictions.Get(EvictionCounters.Traces, "api"));
    }

    [Fact]
    public void A_chatty_resource_evicts_its_own_traces_not_those_of_a_quiet_one()
    {
        var store = Store(l => l.MaxTraces = 10);
        store.Traces.Add([Span("quiet", "q1", "s"), Span("quiet", "q2", "s")]);
        for (var i = 0; i < 100; i++)
        {
            store.Traces.Add([Span("chatty", $"c{i}", "s")]);
        }

        Assert.Equal(10, store.Traces.Count);
        Assert.NotNull(store.Traces.Get("q1"));
        Assert.NotNull(store.Traces.Get("q2"));
        Assert.Equal(92, store.Evictions.Get(EvictionCounters.Traces, "chatty"));
        Assert.Equal(0, store.Evictions.Get(EvictionCounters.Traces, "quiet"));
        Assert.Equal(8, store.Traces.Find(resource: "chatty", limit: 100).Count);
    }

    [Fact]
    public void A_full_trace_drops_further_spans_and_counts_them()
    {
        var store = Store(l => l.MaxSpansPerTrace = 3);
        store.Traces.Add([.. Enumerable.Range(0, 5).Select(i => Span("api", "t1", $"s{i}"))]);

        Assert.Equal(3, store.Traces.Get("t1")!.Summary.SpanCount);
        Assert.Equal(2, store.Evictions.Get(EvictionCounters.Spans, "api"));
    }

    [Fact]
    public void Logs_are_bounded_fairly_across_resources()
    {
        var store = Store(l => l.MaxLogs = 20);
        store.Logs.Add([.. Enumerable.Range(0, 5).Select(i => Log("quiet", $"quiet {i}"))]);
        store.Logs.Add([.. Enumerable.Range(0, 500).Select(i => Log("chatty", $"chatty {i}"))]);

        Assert.Equal(20, store.Logs.Count);
        Assert.Equal(5, store.Logs.Find(new LogQuery(Resource: "quiet")).Count);
        Assert.Equal("chatty 499", store.Logs.Find(new LogQuery(Resource: "chatty"))[^1].Message);
        Assert.Equal(485, store.Evictions.Get(EvictionCounters.Logs, "chatty"));
        Assert.Equal(0, store.Evictions.Get(EvictionCounters.Logs, "quiet"));
    }

    [Fact]
    public void Logs_filter_by_level_text_trace_and_sequence()
    {
        var store = Store();
        store.Logs.Add([Log("api", "started", 9), Log("api", "slow broker", 13), Log("api", "order failed", 17) with { TraceId = "abc" }]);

        Assert.Equal(["slow broker", "order failed"], store.Logs.Find(new LogQuery(MinSeverity: 13)).Select(l => l.Message));
        Assert.Equal("order failed", Assert.Single(store.Logs.Find(new LogQuery(Text: "FAILED"))).Message);
        Assert.Equal("order failed", Assert.Single(store.Logs.Find(new LogQuery(TraceId: "abc"))).Message);
        Assert.Equal(2, store.Logs.Find(new LogQuery(After: 1)).Count);
    }

    [Fact]
    public void Metric_points_are_bounded_per_instrument()
    {
        var store = Store(l => l.MaxPointsPerInstrument = 10);
        var points = Enumerable.Range(0, 25).Select(i => new MetricPoint(DateTimeOffset.UnixEpoch.AddSeconds(i), i, null, null, new Dictionary<string, string>()));
        store.Metrics.Add("api", "meter", "requests", "", "{request}", "Counter", points);
        store.Metrics.Add("web", "meter", "requests", "", "{request}", "Counter", [new MetricPoint(DateTimeOffset.UnixEpoch, 1, null, null, new Dictionary<string, string>())]);

        Assert.Equal(Enumerable.Range(15, 10).Select(i => (double)i), store.Metrics.Points("api", "requests").Select(p => p.Value));
        Assert.Single(store.Metrics.Points("web", "requests"));
        Assert.Equal(15, store.Evictions.Get(EvictionCounters.MetricPoints, "api"));
    }

    [Fact]
    public void A_limit_below_one_is_refused_with_its_setting_named()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Store(l => l.MaxTraces = 0));
        Assert.Contains("Dashboard:Telemetry:MaxTraces", e.Message, StringComparison.Ordinal);
    }
}

using Mensageria.Dashboard.Telemetry;
using Mensageria.Hosting;
using Mensageria.Messaging;
using Mensageria.Tests.Infrastructure;

namespace Mensageria.Tests.Dashboard;

/// <summary>One order, one trace: the API's request, the publish, the worker's delivery and work, the status events, the web's deliveries.</summary>
[Collection(SharedAppDefinition.Name)]
public sealed class OrderTraceTests(AppHostFixture fixture)
{
    public static readonly TimeSpan TraceTimeout = TimeSpan.FromMinutes(1);
    private static readonly string[] s_events = ["accepted", "processing", "stockreserved", "invoiced", "completed"];

    [Fact]
    public async Task An_order_is_one_trace_across_api_worker_and_web_with_publishers_as_parents()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var orders = OrdersClient.For(fixture.App);

        var id = await orders.PlaceAcceptedAsync("one-trace", [("TEA-001", 1)], cancellationToken);
        var trace = await WaitForWholeTraceAsync(fixture.App, id, cancellationToken);

        Assert.Equal(["api", "web", "worker"], trace.Summary.Resources.Order(StringComparer.Ordinal));
        Assert.All(trace.Spans, span => Assert.Equal(id, span.Attributes.GetValueOrDefault(MessagingTelemetry.OrderIdTag)));

        var delivery = Assert.Single(trace.Spans, s => s is { Resource: "worker", Kind: "Consumer" } && s.Name.Contains("order.placed", StringComparison.Ordinal));
        Assert.Equal(("api", "Producer"), ParentOf(trace, delivery));
        Assert.Contains(trace.Spans, s => s.Resource == "worker" && s.Name == "reserve stock" && s.ParentSpanId == delivery.SpanId);
        Assert.Contains(trace.Spans, s => s.Resource == "worker" && s.Name == "issue invoice" && s.ParentSpanId == delivery.SpanId);
        Assert.Contains(trace.Spans, s => s is { Resource: "worker", Kind: "Client", Scope: "Mensageria.Redis" });

        var webDeliveries = trace.Spans.Where(s => s is { Resource: "web", Kind: "Consumer" }).ToList();
        Assert.All(webDeliveries, d => Assert.Equal("Producer", ParentOf(trace, d).Kind));
        Assert.Contains(webDeliveries, d => ParentOf(trace, d).Resource == "worker");
        Assert.All(webDeliveries, d => Assert.Contains(trace.Spans, s => s.Name == "deliver to feed clients" && s.ParentSpanId == d.SpanId));
    }

    /// <summary>
    /// Waits until the web has received every status event of the order, each with its feed span, and
    /// the worker's and web's spans all have their parents: each service exports on its own schedule.
    /// </summary>
    public static Task<TraceDetail> WaitForWholeTraceAsync(DistributedApplication app, string orderId, CancellationToken cancellationToken) =>
        app.GetTelemetry().Traces.WaitForTraceAsync(
            orderId,
            trace => s_events.All(e => trace.Spans.Any(s => s is { Resource: "web", Kind: "Consumer" } && s.Name.EndsWith($"order.{e}", StringComparison.Ordinal)))
                && trace.Spans.Count(s => s.Name == "deliver to feed clients") >= s_events.Length
                && trace.Spans.Any(s => s is { Resource: "worker", Kind: "Consumer" })
                && trace.Spans.Where(s => s.Resource != "api").All(s => trace.Find(s.ParentSpanId ?? "") is not null),
            TraceTimeout,
            cancellationToken);

    private static (string Resource, string Kind) ParentOf(TraceDetail trace, SpanData span) =>
        trace.Find(span.ParentSpanId ?? "") is { } parent
            ? (parent.Resource, parent.Kind)
            : throw new Xunit.Sdk.XunitException($"{span.Resource}: {span.Name} has no parent in the trace (parent id {span.ParentSpanId}).");
}

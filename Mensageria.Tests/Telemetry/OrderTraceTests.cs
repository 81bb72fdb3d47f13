using System.Net;
using System.Text.Json;
using Mensageria.Messaging;
using Mensageria.Tests.Infrastructure;

namespace Mensageria.Tests.Telemetry;

/// <summary>
/// One order, one trace in the Aspire dashboard, read through its telemetry API: the API's request,
/// the publish, the worker's delivery and work, the status events, and the web's deliveries.
/// </summary>
[Collection(SharedAppDefinition.Name)]
public sealed class OrderTraceTests(AppHostFixture fixture)
{
    public static readonly TimeSpan TraceTimeout = TimeSpan.FromMinutes(1);
    private static readonly string[] s_events = ["accepted", "processing", "stockreserved", "invoiced", "completed"];
    private static readonly string[] s_steps = ["begin processing", "reserve stock", "issue invoice"];

    [Fact]
    public async Task An_order_is_one_trace_across_api_worker_and_web_with_publishers_as_parents()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var orders = OrdersClient.For(fixture.App);

        var id = await orders.PlaceAcceptedAsync("one-trace", [("TEA-001", 1)], cancellationToken);
        var spans = await WaitForWholeTraceAsync(fixture, id, cancellationToken);

        Assert.Equal(["api", "web", "worker"], spans.Select(s => s.Resource).Distinct().Order(StringComparer.Ordinal));
        // Redis command spans are made after the fact from profiled commands, under the parent's
        // context but without its baggage: every other span carries the order id.
        Assert.All(spans.Where(s => !IsRedisCommand(s)), span => Assert.Equal(id, span.Attributes.GetValueOrDefault(MessagingTelemetry.OrderIdTag)));

        var delivery = Assert.Single(spans, s => s is { Resource: "worker", Kind: "Consumer" } && s.Name.Contains("order.placed", StringComparison.Ordinal));
        Assert.Equal(("api", "Producer"), ParentOf(spans, delivery));
        // One span per step, each around its one Redis script: no Redis command span under it, saying the same less well.
        Assert.All(s_steps, step => Assert.Contains(spans, s => s.Resource == "worker" && s.Name == step && s.ParentSpanId == delivery.SpanId));
        Assert.DoesNotContain(spans, s => s.Resource == "worker" && IsRedisCommand(s));
        Assert.Contains(spans, s => s.Resource == "api" && IsRedisCommand(s));

        // The web's delivery span covers the fan-out to the browsers: it says how many, with no span of its own.
        var webDeliveries = spans.Where(s => s is { Resource: "web", Kind: "Consumer" }).ToList();
        Assert.All(webDeliveries, d => Assert.Equal("Producer", ParentOf(spans, d).Kind));
        Assert.Contains(webDeliveries, d => ParentOf(spans, d).Resource == "worker");
        Assert.All(webDeliveries, d => Assert.True(d.Attributes.ContainsKey("mensageria.feed.clients"), $"{d.Name} does not say how many feed clients it reached."));
        Assert.DoesNotContain(spans, s => s.Resource == "web" && s.ParentSpanId is { } parent && webDeliveries.Any(d => d.SpanId == parent));
    }

    [Fact]
    public async Task The_dashboard_telemetry_api_needs_its_key()
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.Dashboard.Url };

        using var response = await anonymous.GetAsync(new Uri("/api/telemetry/resources", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>
    /// Waits until the dashboard holds the order's whole trace: every status event received by the
    /// web, the worker's steps, and every span's parent (each service exports on its own schedule).
    /// </summary>
    public static async Task<IReadOnlyList<TraceSpan>> WaitForWholeTraceAsync(AppHostFixture fixture, string orderId, CancellationToken cancellationToken)
    {
        using var orders = OrdersClient.For(fixture.App);
        var traceId = (await orders.GetAsync(orderId, cancellationToken))?.TraceId ?? throw new InvalidOperationException($"Order {orderId} has no trace id.");
        using var dashboard = fixture.Dashboard.ApiClient();
        var deadline = DateTime.UtcNow + TraceTimeout;
        IReadOnlyList<TraceSpan> spans = [];
        while (DateTime.UtcNow < deadline)
        {
            using var response = await dashboard.GetAsync(new Uri($"/api/telemetry/traces/{traceId}", UriKind.Relative), cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                spans = TraceSpan.Read(JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement);
                if (IsWhole(spans))
                {
                    return spans;
                }
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"The dashboard never held the whole trace {traceId} of order {orderId}: {string.Join(", ", spans.Select(s => $"{s.Resource}: {s.Name}"))}");
    }

    private static bool IsWhole(IReadOnlyList<TraceSpan> spans) =>
        s_events.All(e => spans.Any(s => s is { Resource: "web", Kind: "Consumer" } && s.Name.EndsWith($"order.{e}", StringComparison.Ordinal)))
        && spans.Any(s => s is { Resource: "worker", Kind: "Consumer" })
        && s_steps.All(step => spans.Any(s => s.Resource == "worker" && s.Name == step))
        && spans.Any(s => s.Resource == "api" && IsRedisCommand(s))
        && spans.Where(s => s.ParentSpanId is not null).All(s => spans.Any(p => p.SpanId == s.ParentSpanId));

    private static bool IsRedisCommand(TraceSpan span) =>
        span.Kind == "Client" && (span.Attributes.GetValueOrDefault("db.system.name") ?? span.Attributes.GetValueOrDefault("db.system")) == "redis";

    private static (string Resource, string Kind) ParentOf(IReadOnlyList<TraceSpan> spans, TraceSpan span) =>
        spans.FirstOrDefault(s => s.SpanId == span.ParentSpanId) is { } parent
            ? (parent.Resource, parent.Kind)
            : throw new Xunit.Sdk.XunitException($"{span.Resource}: {span.Name} has no parent in the trace (parent id {span.ParentSpanId}).");
}

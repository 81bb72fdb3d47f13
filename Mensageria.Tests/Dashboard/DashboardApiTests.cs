using System.Net.Http.Json;
using System.Text.Json;
using Mensageria.Dashboard.Api;
using Mensageria.Hosting;
using Mensageria.Tests.Infrastructure;

namespace Mensageria.Tests.Dashboard;

/// <summary>The dashboard's JSON API inside the running app, as scripts use it.</summary>
[Collection(SharedAppDefinition.Name)]
public sealed class DashboardApiTests(AppHostFixture fixture)
{
    [Fact]
    public async Task Resources_are_listed_with_replicas_pids_endpoints_and_masked_secrets()
    {
        using var http = DashboardAccess.ApiClient(fixture.App);

        var resources = await http.GetFromJsonAsync<List<ResourceView>>(new Uri("/api/resources", UriKind.Relative), JsonSerializerOptions.Web, TestContext.Current.CancellationToken);

        Assert.Equal(AppHostFixture.ResourceNames.Order(StringComparer.Ordinal), resources!.Select(r => r.Name).Order(StringComparer.Ordinal));
        var worker = resources!.Single(r => r.Name == "worker");
        Assert.Equal(["worker-0", "worker-1"], worker.Replicas.Select(r => r.Id));
        Assert.All(worker.Replicas, r => Assert.NotNull(r.Pid));
        var variables = worker.Environment[0].Variables;
        Assert.Equal(SecretMask.Mask, variables["OTEL_EXPORTER_OTLP_HEADERS"]);
        Assert.Contains($":{SecretMask.Mask}@", variables["ConnectionStrings__messaging"], StringComparison.Ordinal);
        Assert.Equal(DashboardAccess.Options(fixture.App).OtlpGrpcUrl, variables["OTEL_EXPORTER_OTLP_ENDPOINT"]);
    }

    [Fact]
    public async Task The_traces_API_finds_an_order_by_its_id_and_its_logs_by_the_trace_id()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var orders = OrdersClient.For(fixture.App);
        using var http = DashboardAccess.ApiClient(fixture.App);
        var id = await orders.PlaceAcceptedAsync("api-search", [("TEA-001", 1)], cancellationToken);
        var trace = await OrderTraceTests.WaitForWholeTraceAsync(fixture.App, id, cancellationToken);

        using var found = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/api/telemetry/traces?value={id}", UriKind.Relative), cancellationToken));
        using var detail = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/api/telemetry/traces/{trace.TraceId}", UriKind.Relative), cancellationToken));
        var logs = await fixture.App.GetTelemetry().Changes.WaitForAsync(
            () => fixture.App.GetTelemetry().Logs.Find(new Mensageria.Dashboard.Telemetry.LogQuery(Resource: "worker", TraceId: trace.TraceId)) is { Count: > 0 } l ? l : null,
            "the worker's logs of the order", OrderTraceTests.TraceTimeout, TimeProvider.System, cancellationToken);

        Assert.Equal(trace.TraceId, Assert.Single(found.RootElement.EnumerateArray()).GetProperty("traceId").GetString());
        Assert.Equal(trace.Spans.Count, detail.RootElement.GetProperty("spans").GetArrayLength());
        Assert.Contains(logs, l => l.Message.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_service_reports_metric_instruments_with_points()
    {
        var telemetry = fixture.App.GetTelemetry();
        string[] services = ["api", "worker", "web"];

        var instruments = await telemetry.Changes.WaitForAsync(
            () => telemetry.Metrics.Instruments() is var all && services.All(s => all.Any(i => i.Resource == s && i.PointCount > 0)) ? all : null,
            "metrics from api, worker and web", OrderTraceTests.TraceTimeout, TimeProvider.System, TestContext.Current.CancellationToken);

        var instrument = instruments.First(i => i.Resource == "api" && i.PointCount > 0);
        Assert.NotEmpty(telemetry.Metrics.Points("api", instrument.Name));
    }
}

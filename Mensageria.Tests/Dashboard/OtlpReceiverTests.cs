using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Mensageria.Dashboard;
using Mensageria.Dashboard.Telemetry;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace Mensageria.Tests.Dashboard;

public sealed class OtlpReceiverTests(StandaloneDashboard dashboard) : IClassFixture<StandaloneDashboard>
{
    [Fact]
    public async Task A_gRPC_export_with_the_key_is_stored()
    {
        using var channel = GrpcChannel.ForAddress(dashboard.Options.OtlpGrpcUrl);
        var client = new TraceService.TraceServiceClient(channel);
        var traceId = OtlpExports.NewTraceId();

        await client.ExportAsync(OtlpExports.Trace("grpc-sender", traceId, ("mensageria.order.id", "grpc-order")), Key(dashboard.Options.OtlpApiKey),
            cancellationToken: TestContext.Current.CancellationToken);

        var span = Assert.Single(dashboard.Store.Traces.Get(traceId)!.Spans);
        Assert.Equal(("grpc-sender", "Server", "grpc-order"), (span.Resource, span.Kind, span.Attributes["mensageria.order.id"]));
        Assert.Equal(traceId, Assert.Single(dashboard.Store.Traces.Find(value: "grpc-order")).TraceId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task A_gRPC_export_without_the_right_key_is_refused_as_unauthenticated(string? key)
    {
        using var channel = GrpcChannel.ForAddress(dashboard.Options.OtlpGrpcUrl);
        var client = new LogsService.LogsServiceClient(channel);

        var e = await Assert.ThrowsAsync<RpcException>(async () => await client.ExportAsync(
            OtlpExports.Log("intruder", "should not be kept"), key is null ? [] : Key(key), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        Assert.Empty(dashboard.Store.Logs.Find(new LogQuery(Resource: "intruder")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_HTTP_protobuf_export_with_the_key_is_stored_and_answered_in_protobuf(bool gzip)
    {
        using var http = new HttpClient();
        var service = gzip ? "http-gzip-sender" : "http-sender";
        using var request = ExportRequest("/v1/logs", OtlpExports.Log(service, "hello over HTTP"), dashboard.Options.OtlpApiKey, gzip);

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-protobuf", response.Content.Headers.ContentType?.MediaType);
        ExportLogsServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var log = Assert.Single(dashboard.Store.Logs.Find(new LogQuery(Resource: service)));
        Assert.Equal(("hello over HTTP", "Warning", "Tests.Category"), (log.Message, log.Level, log.Category));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-key", HttpStatusCode.Unauthorized)]
    public async Task An_HTTP_export_without_the_right_key_is_refused_with_401(string? key, HttpStatusCode expected)
    {
        using var http = new HttpClient();
        var traceId = OtlpExports.NewTraceId();
        using var request = ExportRequest("/v1/traces", OtlpExports.Trace("intruder", traceId), key, gzip: false);

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains(DashboardOptions.ApiKeyHeader, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Null(dashboard.Store.Traces.Get(traceId));
    }

    [Fact]
    public async Task An_HTTP_export_as_JSON_is_refused_with_415_saying_what_to_send()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{dashboard.Options.OtlpHttpUrl}/v1/traces"))
        {
            Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(DashboardOptions.ApiKeyHeader, dashboard.Options.OtlpApiKey);

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/x-protobuf", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attributes_past_the_limits_are_dropped_or_cut_and_counted()
    {
        using var channel = GrpcChannel.ForAddress(dashboard.Options.OtlpGrpcUrl);
        var client = new TraceService.TraceServiceClient(channel);
        var traceId = OtlpExports.NewTraceId();
        var attributes = Enumerable.Range(0, 10).Select(i => ($"key{i}", i == 0 ? new string('x', 80) : "short")).ToArray();

        await client.ExportAsync(OtlpExports.Trace("attribute-sender", traceId, attributes), Key(dashboard.Options.OtlpApiKey),
            cancellationToken: TestContext.Current.CancellationToken);

        var span = Assert.Single(dashboard.Store.Traces.Get(traceId)!.Spans);
        Assert.Equal(8, span.Attributes.Count);
        Assert.Equal(new string('x', 50) + "…", span.Attributes["key0"]);
        Assert.Equal(2, dashboard.Store.Evictions.Get(EvictionCounters.Attributes, "attribute-sender"));
    }

    private static Metadata Key(string key) => [new Metadata.Entry(DashboardOptions.ApiKeyHeader, key)];

    private HttpRequestMessage ExportRequest(string path, IMessage export, string? key, bool gzip)
    {
        var body = export.ToByteArray();
        if (gzip)
        {
            using var compressed = new MemoryStream();
            using (var zip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                zip.Write(body);
            }

            body = compressed.ToArray();
        }

        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{dashboard.Options.OtlpHttpUrl}{path}")) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        if (gzip)
        {
            request.Content.Headers.ContentEncoding.Add("gzip");
        }

        if (key is not null)
        {
            request.Headers.Add(DashboardOptions.ApiKeyHeader, key);
        }

        return request;
    }
}

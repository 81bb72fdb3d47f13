using Mensageria.Dashboard;
using Mensageria.Hosting;
using Mensageria.Hosting.Lifecycle;
using Mensageria.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Mensageria.Tests.Dashboard;

/// <summary>What <c>AddDashboard</c> does to the app model, without starting anything.</summary>
public sealed class DashboardModelTests : IDisposable
{
    private readonly TemporaryDirectory _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task Every_project_sends_to_the_dashboards_gRPC_receiver_with_its_key()
    {
        var builder = ModelBuilder.Create(_state.Path, randomizePorts: true);
        var dashboard = builder.AddDashboard();
        builder.AddProject<TestProject>("api").WithReplicas(2);
        await using var app = builder.Build();

        var replicas = app.Services.GetRequiredService<ResourceCommandService>().GetEnvironment("api");

        Assert.Equal(2, replicas.Count);
        Assert.All(replicas, replica =>
        {
            Assert.Equal(dashboard.OtlpGrpcUrl, replica.Variables["OTEL_EXPORTER_OTLP_ENDPOINT"]);
            Assert.Equal("grpc", replica.Variables["OTEL_EXPORTER_OTLP_PROTOCOL"]);
            Assert.Equal($"x-otlp-api-key={dashboard.OtlpApiKey}", replica.Variables["OTEL_EXPORTER_OTLP_HEADERS"]);
        });
        Assert.NotEqual(18888, dashboard.Port);
        Assert.Matches("^[0-9a-f]{32}$", dashboard.BrowserToken);
        Assert.NotEqual(dashboard.BrowserToken, dashboard.OtlpApiKey);
    }

    [Fact]
    public async Task A_collector_given_to_the_app_host_wins_over_the_dashboard()
    {
        var builder = ModelBuilder.Create(_state.Path, randomizePorts: true, "--OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4317");
        builder.AddDashboard();
        builder.AddProject<TestProject>("api");
        await using var app = builder.Build();

        var variables = app.Services.GetRequiredService<ResourceCommandService>().GetEnvironment("api")[0].Variables;

        Assert.Equal("http://collector:4317", variables["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.False(variables.ContainsKey("OTEL_EXPORTER_OTLP_HEADERS"));
    }

    [Fact]
    public async Task Variables_given_with_WithEnvironment_reach_every_replica()
    {
        var builder = ModelBuilder.Create(_state.Path, randomizePorts: true);
        var dashboard = builder.AddDashboard();
        builder.AddProject<TestProject>("web").WithEnvironment("Mensageria__Operations__DashboardUrl", dashboard.Url.ToString());
        await using var app = builder.Build();

        var variables = app.Services.GetRequiredService<ResourceCommandService>().GetEnvironment("web")[0].Variables;

        Assert.Equal($"http://localhost:{dashboard.Port}/", variables["Mensageria__Operations__DashboardUrl"]);
    }

    [Fact]
    public void Two_dashboard_ports_alike_are_refused_with_the_settings_named()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new DashboardOptions { Port = 18888, OtlpGrpcPort = 18888 }.Complete());
        Assert.Contains("Dashboard:Port", e.Message, StringComparison.Ordinal);
    }
}

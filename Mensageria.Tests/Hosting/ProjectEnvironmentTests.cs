using Mensageria.Hosting;
using Mensageria.Hosting.ApplicationModel;
using Mensageria.Tests.Infrastructure;
using RabbitMQ.Client;

namespace Mensageria.Tests.Hosting;

public sealed class ProjectEnvironmentTests : IDisposable
{
    private readonly TemporaryDirectory _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public void References_produce_exactly_the_variables_of_the_design()
    {
        var builder = ModelBuilder.Create(_state.Path);
        var messaging = builder.AddRabbitMQ("messaging").WithManagementPlugin();
        var cache = builder.AddRedis("cache");
        var api = builder.AddProject<TestProject>("api").WithReplicas(2);
        var web = builder.AddProject<TestProject>("web")
            .WithReference(messaging).WithReference(cache).WithReference(api);
        builder.Build();

        var variables = ProjectEnvironment.For(web.Resource, 0, "Development", telemetry: null);

        var broker = messaging.Resource;
        var expected = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://localhost:{web.Resource.ReplicaPorts[0]}",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["OTEL_SERVICE_NAME"] = "web",
            ["OTEL_RESOURCE_ATTRIBUTES"] = "service.instance.id=web-0",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "1000",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "1000",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
            ["OTEL_TRACES_SAMPLER"] = "always_on",
            ["ConnectionStrings__messaging"] = $"amqp://mensageria:{broker.Password}@127.0.0.1:{broker.AmqpPort}",
            ["services__messaging__management__0"] = $"http://127.0.0.1:{broker.ManagementPort}",
            ["ConnectionStrings__cache"] = $"127.0.0.1:{cache.Resource.Port},password={cache.Resource.Password}",
            ["services__api__http__0"] = $"http://localhost:{api.Resource.ReplicaPorts[0]}",
            ["services__api__http__1"] = $"http://localhost:{api.Resource.ReplicaPorts[1]}",
        };
        Assert.Equal(expected.OrderBy(v => v.Key), variables.OrderBy(v => v.Key));
    }

    [Fact]
    public void A_collector_given_to_the_app_host_is_handed_to_every_project_and_production_keeps_default_intervals()
    {
        var builder = ModelBuilder.Create(_state.Path);
        var api = builder.AddProject<TestProject>("api");
        builder.Build();

        var telemetry = new TelemetryEndpoint("http://localhost:4317", "grpc", "x-otlp-api-key=secret");
        var variables = ProjectEnvironment.For(api.Resource, 0, "Production", telemetry);

        Assert.Equal("http://localhost:4317", variables["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("grpc", variables["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        Assert.Equal("x-otlp-api-key=secret", variables["OTEL_EXPORTER_OTLP_HEADERS"]);
        Assert.DoesNotContain("OTEL_BSP_SCHEDULE_DELAY", variables.Keys);
        Assert.DoesNotContain("OTEL_TRACES_SAMPLER", variables.Keys);
    }

    [Fact]
    public void Broker_credentials_are_uri_escaped_and_round_trip_through_RabbitMQ_Client()
    {
        const string password = "p@ss:w/rd%20?#&";
        File.WriteAllText(Path.Combine(_state.Path, "secrets.json"), $$"""{"messaging-password":"{{password}}"}""");
        var builder = ModelBuilder.Create(_state.Path);
        var messaging = builder.AddRabbitMQ("messaging");
        builder.Build();

        var factory = new ConnectionFactory { Uri = new Uri(messaging.Resource.ConnectionString) };

        Assert.Equal("mensageria", factory.UserName);
        Assert.Equal(password, factory.Password);
        Assert.Equal(messaging.Resource.AmqpPort, factory.Port);
    }

    [Fact]
    public void An_existing_server_given_as_a_connection_string_is_used_as_it_is()
    {
        var builder = ModelBuilder.Create(_state.Path, args: ["--ConnectionStrings:cache=redis.example:6380,password=x"]);
        var cache = builder.AddRedis("cache");
        var api = builder.AddProject<TestProject>("api").WithReference(cache);
        builder.Build();

        Assert.True(cache.Resource.IsExternal);
        Assert.Equal("redis.example:6380,password=x", ProjectEnvironment.For(api.Resource, 0, "Development", null)["ConnectionStrings__cache"]);
    }
}

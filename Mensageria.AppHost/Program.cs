var builder = DistributedApplication.CreateBuilder(args);

// Aspire's containers where a container runtime answers; local rabbitmq-server and redis-server processes otherwise.
var messaging = builder.AddRabbitMQ("messaging")
    .WithManagementPlugin()
    .RunAsLocalProcess();

var cache = builder.AddRedis("cache")
    .RunAsLocalProcess();

var api = builder.AddProject<Projects.Mensageria_Api>("api")
    .WithHttpHealthCheck("/health")
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(cache).WaitFor(cache);

builder.AddProject<Projects.Mensageria_Worker>("worker")
    .WithHttpHealthCheck("/health")
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(cache).WaitFor(cache)
    .WithReplicas(2);

builder.AddProject<Projects.Mensageria_Web>("web")
    .WithHttpHealthCheck("/health")
    .WithReference(messaging).WithManagementReference(messaging).WaitFor(messaging)
    // The web calls the api per request, through service discovery and retries: no need to wait for it.
    .WithReference(api)
    .WithDashboardLinks();

builder.Build().Run();

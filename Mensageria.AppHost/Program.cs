using Microsoft.Extensions.Configuration;

var builder = DistributedApplication.CreateBuilder(args);

// Aspire's containers where a container runtime answers; local rabbitmq-server and redis-server processes otherwise.
var messaging = builder.AddRabbitMQ("messaging")
    .WithManagementPlugin()
    .RunAsLocalProcess()
    // One node unless `Messaging:Nodes` asks for a cluster (`-- --Messaging:Nodes=3`): quorum queues on every node.
    .WithNodes(builder.Configuration.GetValue("Messaging:Nodes", 1));

var cache = builder.AddRedis("cache")
    .RunAsLocalProcess();

// Generated once and kept in the app host's user secrets, as Aspire keeps the servers' passwords.
var operatorSecret = builder.AddParameter("operator-secret", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);
var webApiKey = builder.AddParameter("web-api-key", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);

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
    .WithReference(cache).WaitFor(cache)
    // The web calls the api per request, through service discovery and retries: no need to wait for it.
    .WithReference(api)
    .WithApiKey(api, webApiKey)
    .WithOperatorLogin(operatorSecret)
    .WithDashboardLinks();

builder.Build().Run();

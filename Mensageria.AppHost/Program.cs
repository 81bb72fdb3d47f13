using Mensageria.Hosting;

var builder = DistributedApplication.CreateBuilder(args);

var dashboard = builder.AddDashboard();

var messaging = builder.AddRabbitMQ("messaging")
    .WithManagementPlugin();

var cache = builder.AddRedis("cache");

var api = builder.AddProject<Projects.Mensageria_Api>("api")
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(cache).WaitFor(cache);

builder.AddProject<Projects.Mensageria_Worker>("worker")
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(cache).WaitFor(cache)
    .WithReplicas(2);

builder.AddProject<Projects.Mensageria_Web>("web")
    .WithHttpEndpoint(port: 5080)
    .WithEnvironment("Mensageria__Operations__DashboardUrl", dashboard.Url.ToString())
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(api).WaitFor(api);

builder.Build().Run();

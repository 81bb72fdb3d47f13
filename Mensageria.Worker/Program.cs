using Mensageria.Worker;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddMessageBroker("messaging");
builder.AddRedisClient("cache", settings => settings.DisableAutoActivation = false);
builder.AddWorkerServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapRootApi();

app.Run();

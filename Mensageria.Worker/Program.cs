using Mensageria.Worker;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRabbitMQClient("messaging", settings => settings.DisableAutoActivation = false);
builder.AddRedisClient("cache", settings => settings.DisableAutoActivation = false);
builder.AddWorkerServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapRootApi();

app.Run();

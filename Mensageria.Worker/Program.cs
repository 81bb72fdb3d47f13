using Mensageria.Worker;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRabbitMQClient("messaging");
builder.AddRedisClient("cache");
builder.AddWorkerServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapRootApi();

app.Run();

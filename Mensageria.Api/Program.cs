using Mensageria.Api;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRabbitMQClient("messaging");
builder.AddRedisClient("cache");

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapRootApi();

app.Run();

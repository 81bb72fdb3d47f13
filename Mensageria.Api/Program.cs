using Mensageria.Api;
using Mensageria.Api.Orders;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRabbitMQClient("messaging");
builder.AddRedisClient("cache", configureOptions: ApiServiceExtensions.FailFast);
builder.AddOrdersApi();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapRootApi();
app.MapOrdersApi();
app.MapApiReference();

app.Run();

using Mensageria.Api;
using Mensageria.Api.Orders;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRabbitMQClient("messaging");
// Short Redis timeouts: an order answered 503 within two seconds beats one that hangs.
builder.AddRedisClient("cache", configureOptions: redis => redis.AsyncTimeout = redis.SyncTimeout = 1000);
builder.AddOrdersApi();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapRootApi();
app.MapOrdersApi();
app.MapApiReference();

app.Run();

using Mensageria.Api;
using Mensageria.Api.Orders;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddMessageBroker("messaging");
builder.AddRedisClient("cache", settings => settings.DisableAutoActivation = false, ApiServiceExtensions.FailFast);
builder.AddOrdersApi();
builder.AddApiKeyAuthentication();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapRootApi();
app.MapOrdersApi();
app.MapApiReference();
app.UseApiKeyAuthentication();

app.Run();

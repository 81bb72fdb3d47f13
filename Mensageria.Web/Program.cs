using Mensageria.Web;
using Mensageria.Web.Credentials;
using Mensageria.Web.LiveFeed;
using Mensageria.Web.Operations;
using Mensageria.Web.Shop;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddMessageBroker("messaging");
builder.AddRedisClient("cache", settings => settings.DisableAutoActivation = false);
builder.AddApiClient();
builder.AddLiveFeed();
builder.AddOperations();

var app = builder.Build();

app.UseExceptionHandler();
app.UseOperatorLogin();
app.MapDefaultEndpoints();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapShopApi();
app.MapOrderFeed();
app.MapOperationsApi();

app.Run();

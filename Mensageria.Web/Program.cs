using Mensageria.Web;
using Mensageria.Web.LiveFeed;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRabbitMQClient("messaging");
builder.AddApiClient();
builder.AddLiveFeed();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapHomePage();
app.MapOrderFeed();

app.Run();

using Mensageria.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRabbitMQClient("messaging");
builder.AddApiClient();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapHomePage();

app.Run();

using Mensageria.Benchmarks.MassTransit;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRedisClient("cache", settings => settings.DisableAutoActivation = false);
builder.AddMassTransitPeer();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapPeerOrdersApi();

app.Run();

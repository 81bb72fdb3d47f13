using Mensageria.Benchmarks.MassTransit;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRedisClient("cache", settings =>
{
    settings.DisableAutoActivation = false;
    // As Mensageria's: Redis command spans in the API, none in the worker.
    settings.DisableTracing = builder.Configuration.Role() == PeerRole.Worker;
});
builder.AddMassTransitPeer();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapPeerOrdersApi();

app.Run();

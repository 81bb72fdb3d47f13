using Mensageria.Worker;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddMessageBroker("messaging");
builder.AddRedisClient("cache", settings =>
{
    settings.DisableAutoActivation = false;
    // Each Redis call of an order is one script inside its own step span, which says more than a command span
    // (the order id, the step) and costs less: no command profiling.
    settings.DisableTracing = true;
});
builder.AddWorkerServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapRootApi();

app.Run();

using Mensageria.Dashboard;

// The dashboard on its own: a plain OTLP viewer (the app host runs it in-process, with resources).
var builder = WebApplication.CreateBuilder(args);
builder.AddStandaloneDashboard();

var app = builder.Build();
app.MapDashboard();

app.Run();

namespace Mensageria.Web.Operations;

public static class OperationsExtensions
{
    /// <summary>The panel's services: the management API client (endpoint and credentials from the app host), the monitor and the replayer.</summary>
    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var management = builder.Configuration["services:messaging:management:0"]
            ?? throw new InvalidOperationException("services:messaging:management:0 is not set: give the web a reference to the broker with its management plugin on (WithManagementPlugin).");
        var amqp = builder.Configuration.GetConnectionString("messaging")
            ?? throw new InvalidOperationException("ConnectionStrings:messaging is not set: the panel reads queues with the broker's credentials.");
        builder.Services.Configure<OperationsOptions>(builder.Configuration.GetSection(OperationsOptions.ConfigurationSection));
        builder.Services.AddHttpClient<BrokerManagementClient>(http => BrokerManagementClient.Configure(http, new Uri(management), new Uri(amqp)));
        builder.Services.AddTransient<QueueMonitor>();
        builder.Services.AddSingleton<DeadLetterReplayer>();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, LiveFeed.WebJsonContext.Default));
        return builder;
    }
}

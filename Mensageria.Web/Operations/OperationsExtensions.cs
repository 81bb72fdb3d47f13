using Mensageria.Messaging;
using Mensageria.Web.Credentials;

namespace Mensageria.Web.Operations;

public static class OperationsExtensions
{
    /// <summary>
    /// The panel's services: the management API client (endpoint and credentials from the app host), the monitor,
    /// the replayer, the operator's login and the key store (needs the messaging and cache clients).
    /// </summary>
    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // An existing broker given by connection string may have no management API the app host knows of:
        // then the web runs, and the panel says what is missing.
        var management = builder.Configuration["services:messaging:management:0"];
        var amqp = builder.Configuration.GetConnectionString("messaging");
        builder.Services.Configure<OperationsOptions>(builder.Configuration.GetSection(OperationsOptions.ConfigurationSection));
        builder.Services.AddHttpClient<BrokerManagementClient>(http =>
        {
            if (management is not null && amqp is not null)
            {
                BrokerManagementClient.Configure(http, new Uri(management), new Uri(amqp));
            }
        });
        builder.Services.AddTransient<QueueMonitor>();
        builder.Services.AddSingleton<DeadLetterReplayer>();
        builder.Services.AddSingleton<DeadLetterInspector>();
        builder.Services.AddExceptionHandler<ServiceUnavailableHandler>();
        builder.AddOperatorLogin();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, LiveFeed.WebJsonContext.Default));
        return builder;
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mensageria.Web.LiveFeed;

public static class LiveFeedExtensions
{
    /// <summary>This replica's order-events listener, the hub that fans events out, and the catch-up reader.</summary>
    public static IHostApplicationBuilder AddLiveFeed(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<OrderEventHub>();
        builder.Services.AddTransient<OrderFeedCatchUp>();
        builder.Services.AddSingleton<OrderEventsListener>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OrderEventsListener>());
        builder.Services.AddHealthChecks().AddCheck<OrderEventsListener>("order-events", tags: ["ready"]);
        return builder;
    }
}

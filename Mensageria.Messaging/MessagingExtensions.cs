using System.Text.Json.Serialization.Metadata;
using Mensageria.Messaging.Consuming;
using Mensageria.Messaging.Credentials;
using Mensageria.Messaging.Orders;
using Mensageria.Messaging.Publishing;
using Mensageria.Messaging.Rpc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace Microsoft.Extensions.Hosting;

public static class MessagingExtensions
{
    /// <summary>The confirming publisher and the Redis order, catalog and idempotency stores (needs the messaging and cache clients).</summary>
    public static IHostApplicationBuilder AddOrderMessaging(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<MessagePublisher>();
        builder.Services.TryAddSingleton<OrderStore>();
        builder.Services.TryAddSingleton<CatalogStore>();
        builder.Services.TryAddSingleton<IdempotencyStore>();
        return builder;
    }

    /// <summary>The API key store in Redis (needs the cache client).</summary>
    public static IHostApplicationBuilder AddApiKeyStore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<ApiKeyStore>();
        return builder;
    }

    /// <summary>Consumes <paramref name="queue"/> with <typeparamref name="THandler"/>; options from <c>Mensageria:Consumers:{queue}</c>.</summary>
    public static IHostApplicationBuilder AddMessageConsumer<TMessage, THandler>(
        this IHostApplicationBuilder builder, string queue, JsonTypeInfo<TMessage> typeInfo)
        where THandler : class, IMessageHandler<TMessage>
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IMessageHandler<TMessage>, THandler>();
        return builder.AddConsumerHost<TMessage>(queue, (sp, options) => new DeliveryProcessor<TMessage>(
            sp.GetRequiredService<IMessageHandler<TMessage>>(),
            options,
            typeInfo,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DeliveryProcessor<TMessage>>>()));
    }

    /// <summary>The request/reply client: many calls in flight on one channel, replies by direct reply-to.</summary>
    public static IHostApplicationBuilder AddRpcClient(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<RpcClient>();
        return builder;
    }

    /// <summary>Answers the requests on <paramref name="queue"/> with <typeparamref name="THandler"/>; options from <c>Mensageria:Consumers:{queue}</c>.</summary>
    public static IHostApplicationBuilder AddRpcServer<TRequest, TResponse, THandler>(
        this IHostApplicationBuilder builder, string queue, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType)
        where THandler : class, IRpcHandler<TRequest, TResponse>
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IRpcHandler<TRequest, TResponse>, THandler>();
        return builder.AddConsumerHost<TRequest>(queue, (sp, _) => new RpcRequestProcessor<TRequest, TResponse>(
            sp.GetRequiredService<IRpcHandler<TRequest, TResponse>>(),
            queue,
            requestType,
            responseType,
            sp.GetRequiredService<ILogger<RpcRequestProcessor<TRequest, TResponse>>>()));
    }

    private static IHostApplicationBuilder AddConsumerHost<TMessage>(
        this IHostApplicationBuilder builder, string queue, Func<IServiceProvider, ConsumerOptions, IDeliveryProcessor> processor)
    {
        var options = new ConsumerOptions { Queue = queue };
        builder.Configuration.GetSection($"{ConsumerOptions.ConfigurationSection}:{queue}").Bind(options);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService(sp => new MessageConsumerHost<TMessage>(
            sp.GetRequiredService<IConnection>(),
            processor(sp, options),
            options,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<MessageConsumerHost<TMessage>>>()));
        return builder;
    }
}

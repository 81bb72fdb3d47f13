using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Mensageria.Messaging.Consuming;
using Mensageria.Messaging.Contracts;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Mensageria.Messaging.Rpc;

/// <summary>
/// Answers each request on the queue with its handler's result, or with a failure reply, sent to the
/// request's <c>reply-to</c> with its correlation id; then acks it. A request is never retried: its
/// caller is waiting, and is better told at once than answered after its timeout.
/// </summary>
internal sealed partial class RpcRequestProcessor<TRequest, TResponse>(
    IRpcHandler<TRequest, TResponse> handler,
    string queue,
    JsonTypeInfo<TRequest> requestType,
    JsonTypeInfo<TResponse> responseType,
    ILogger<RpcRequestProcessor<TRequest, TResponse>> logger) : IDeliveryProcessor
{
    private int _inFlight;

    public int InFlight => Volatile.Read(ref _inFlight);

    public async Task ProcessAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken stoppingToken)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            var request = delivery.BasicProperties;
            if (request.ReplyTo is not { Length: > 0 } replyTo)
            {
                LogNoReplyTo(logger, queue, request.MessageId);
                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None);
                return;
            }

            using var activity = MessagingTelemetry.Source.StartActivity($"{queue} serve", ActivityKind.Server);
            var reply = new BasicProperties
            {
                CorrelationId = request.CorrelationId,
                ContentType = "application/json",
                Type = typeof(TResponse).Name,
                Headers = new Dictionary<string, object?>(),
            };
            byte[] body;
            try
            {
                var message = MessageBody.TryRead(delivery.Body.Span, requestType) ?? throw new FormatException($"The request is not a readable {typeof(TRequest).Name}.");
                body = JsonSerializer.SerializeToUtf8Bytes(await handler.HandleAsync(message, stoppingToken), responseType);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                var unavailable = TransientFailure.Is(e);
                LogFailed(logger, e, queue, request.CorrelationId);
                activity?.SetStatus(ActivityStatusCode.Error, e.Message);
                reply.Headers[RpcHeaders.Error] = Encoding.UTF8.GetBytes(unavailable ? "a server it needs is unreachable; try again shortly" : e.Message);
                reply.Headers[RpcHeaders.Status] = Encoding.UTF8.GetBytes(unavailable ? RpcHeaders.Unavailable : RpcHeaders.Failed);
                body = [];
            }

            // Not mandatory: a caller that has gone away takes its reply-to with it, and that is fine.
            await channel.BasicPublishAsync("", replyTo, mandatory: false, reply, body, CancellationToken.None);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None);
        }
        catch (Exception e) when (stoppingToken.IsCancellationRequested || e is AlreadyClosedException or OperationInterruptedException)
        {
            // Unacked: the broker hands the request to another server, if its caller still waits.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Queue}: request {MessageId} has no reply-to; dropped")]
    private static partial void LogNoReplyTo(ILogger logger, string queue, string? messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Queue}: request {CorrelationId} failed; the caller is told")]
    private static partial void LogFailed(ILogger logger, Exception exception, string queue, string? correlationId);
}

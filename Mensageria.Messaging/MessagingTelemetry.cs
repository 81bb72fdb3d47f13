using System.Diagnostics;

namespace Mensageria.Messaging;

/// <summary>The spans this library adds around RabbitMQ.Client's own publish and deliver spans.</summary>
public static class MessagingTelemetry
{
    /// <summary>Carried by every span that belongs to an order, so one id finds the whole trace.</summary>
    public const string OrderIdTag = "mensageria.order.id";

    public static readonly ActivitySource Source = new("Mensageria.Messaging");

    /// <summary>Tags the current span (and so the request or delivery it belongs to) with the order id.</summary>
    public static void TagOrder(string orderId) => Activity.Current?.SetTag(OrderIdTag, orderId);

    public static Activity? StartOrderSpan(string name, string orderId, ActivityKind kind = ActivityKind.Internal) =>
        Source.StartActivity(name, kind)?.SetTag(OrderIdTag, orderId);
}

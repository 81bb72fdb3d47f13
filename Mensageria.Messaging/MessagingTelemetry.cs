using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Mensageria.Messaging;

/// <summary>The spans this library adds around RabbitMQ.Client's own publish and deliver spans.</summary>
public static class MessagingTelemetry
{
    /// <summary>Carried by every span that belongs to an order, so one id finds the whole trace.</summary>
    public const string OrderIdTag = "mensageria.order.id";

    public static readonly ActivitySource Source = new("Mensageria.Messaging");

    public static readonly Meter Meter = new("Mensageria.Messaging");

    /// <summary>
    /// Tags the current span (the request or delivery) with the order id, and puts it in baggage, so
    /// every span started beneath it (publishes, Redis commands) and across the broker carries it too.
    /// </summary>
    public static void TagOrder(string orderId) => Activity.Current?.SetTag(OrderIdTag, orderId).SetBaggage(OrderIdTag, orderId);

    public static Activity? StartOrderSpan(string name, string orderId, ActivityKind kind = ActivityKind.Internal) =>
        Source.StartActivity(name, kind)?.SetTag(OrderIdTag, orderId).SetBaggage(OrderIdTag, orderId);
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Mensageria.Messaging.Orders;

namespace Mensageria.Messaging.Contracts;

/// <summary>Source-generated JSON for every message and stored record: camelCase, enums as strings.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OrderPlaced))]
[JsonSerializable(typeof(OrderStatusChanged))]
[JsonSerializable(typeof(Product))]
[JsonSerializable(typeof(List<Product>))]
[JsonSerializable(typeof(OrderRecord))]
[JsonSerializable(typeof(List<OrderRecord>))]
[JsonSerializable(typeof(PricedLine))]
[JsonSerializable(typeof(List<PricedLine>))]
[JsonSerializable(typeof(StatusEntry))]
[JsonSerializable(typeof(QuoteRequest))]
[JsonSerializable(typeof(Quote))]
public sealed partial class MessagingJsonContext : JsonSerializerContext;

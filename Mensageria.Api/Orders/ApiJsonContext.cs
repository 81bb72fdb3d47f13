using System.Text.Json;
using System.Text.Json.Serialization;
using Mensageria.Messaging.Contracts;
using Mensageria.Messaging.Orders;

namespace Mensageria.Api.Orders;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PlaceOrderRequest))]
[JsonSerializable(typeof(OrderAccepted))]
[JsonSerializable(typeof(OrderRecord))]
[JsonSerializable(typeof(IReadOnlyList<OrderRecord>))]
[JsonSerializable(typeof(IReadOnlyList<Product>))]
[JsonSerializable(typeof(Quote))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;

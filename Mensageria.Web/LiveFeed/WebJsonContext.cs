using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mensageria.Web.LiveFeed;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(OrderFeedMessage))]
[JsonSerializable(typeof(Operations.OperationsPanel))]
[JsonSerializable(typeof(Operations.ReplayResult))]
[JsonSerializable(typeof(IReadOnlyList<Operations.DeadLetter>))]
[JsonSerializable(typeof(Shop.ShopLinks))]
internal sealed partial class WebJsonContext : JsonSerializerContext;

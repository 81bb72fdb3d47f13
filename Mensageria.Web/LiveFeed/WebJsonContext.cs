using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mensageria.Web.LiveFeed;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(OrderFeedMessage))]
internal sealed partial class WebJsonContext : JsonSerializerContext;

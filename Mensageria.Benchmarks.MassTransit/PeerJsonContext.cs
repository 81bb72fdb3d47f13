using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mensageria.Benchmarks.MassTransit;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PeerOrderRequest))]
[JsonSerializable(typeof(PeerOrderAccepted))]
internal sealed partial class PeerJsonContext : JsonSerializerContext;


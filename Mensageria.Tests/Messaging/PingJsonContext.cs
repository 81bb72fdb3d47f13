using System.Text.Json.Serialization;

namespace Mensageria.Tests.Messaging;

[JsonSerializable(typeof(Ping))]
[JsonSerializable(typeof(Pong))]
internal sealed partial class PingJsonContext : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mensageria.Web.LiveFeed;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(OrderFeedMessage))]
[JsonSerializable(typeof(Operations.OperationsPanel))]
[JsonSerializable(typeof(Operations.ReplayResult))]
[JsonSerializable(typeof(IReadOnlyList<Operations.DeadLetter>))]
[JsonSerializable(typeof(Shop.ShopLinks))]
[JsonSerializable(typeof(Credentials.CredentialsPanel))]
[JsonSerializable(typeof(Credentials.CreatedKey))]
[JsonSerializable(typeof(Credentials.CreateKeyRequest))]
[JsonSerializable(typeof(Credentials.CredentialView))]
[JsonSerializable(typeof(Credentials.OperatorLoginRequest))]
[JsonSerializable(typeof(Credentials.OperatorSession))]
internal sealed partial class WebJsonContext : JsonSerializerContext;

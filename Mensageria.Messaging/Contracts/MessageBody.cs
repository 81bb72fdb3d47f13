using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Mensageria.Messaging.Contracts;

/// <summary>Reading a message body that may not be what it claims: null instead of an exception.</summary>
public static class MessageBody
{
    public static T? TryRead<T>(ReadOnlySpan<byte> body, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}

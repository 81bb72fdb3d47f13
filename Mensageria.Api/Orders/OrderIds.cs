namespace Mensageria.Api.Orders;

/// <summary>Order ids are time-ordered GUIDs (version 7) in 32 lower-case hex digits.</summary>
public static class OrderIds
{
    public static string New(DateTimeOffset now) => Guid.CreateVersion7(now).ToString("N");

    /// <summary>Anything else is no order, and never becomes a Redis key.</summary>
    public static bool IsWellFormed(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);
}

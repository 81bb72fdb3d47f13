namespace Mensageria.Api.Orders;

/// <summary>What an order may contain.</summary>
public static class OrderRules
{
    public const int MaxBodyBytes = 64 * 1024;
    public const int MinLines = 1;
    public const int MaxLines = 50;
    public const int MinQuantity = 1;
    public const int MaxQuantity = 1000;
    public const int MaxCustomerIdLength = 64;
    public const int MaxSkuLength = 32;
    public const int MaxIdempotencyKeyLength = 128;
}

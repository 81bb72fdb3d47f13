namespace Mensageria.Api.Orders;

/// <summary>How long <c>POST /api/orders/quote</c> waits for a worker; bound from <c>Mensageria:Quotes</c>.</summary>
public sealed class QuoteOptions
{
    public const string ConfigurationSection = "Mensageria:Quotes";

    /// <summary>Past this, the caller gets a 504 and a late answer is dropped.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);
}

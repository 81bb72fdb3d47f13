using Mensageria.Messaging.Contracts;
using Mensageria.Messaging.Orders;

namespace Mensageria.Api.Orders;

/// <summary>Checks a request against <see cref="OrderRules"/> and the catalog; every problem names its field.</summary>
public static class OrderValidator
{
    public static Dictionary<string, string[]> Validate(PlaceOrderRequest request, IReadOnlyDictionary<string, Product> catalog)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message) => (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message);

        if (string.IsNullOrWhiteSpace(request.CustomerId))
        {
            Add("customerId", "A customer id is required.");
        }
        else if (request.CustomerId.Length > OrderRules.MaxCustomerIdLength)
        {
            Add("customerId", $"At most {OrderRules.MaxCustomerIdLength} characters.");
        }

        var lines = request.Lines ?? [];
        if (lines.Count is < OrderRules.MinLines or > OrderRules.MaxLines)
        {
            Add("lines", $"An order has {OrderRules.MinLines} to {OrderRules.MaxLines} lines; this one has {lines.Count}.");
        }

        for (var i = 0; i < Math.Min(lines.Count, OrderRules.MaxLines); i++)
        {
            if (lines[i] is not { } line)
            {
                Add($"lines[{i}]", "A line is required.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(line.Sku))
            {
                Add($"lines[{i}].sku", "A SKU is required.");
            }
            else if (line.Sku.Length > OrderRules.MaxSkuLength)
            {
                Add($"lines[{i}].sku", $"At most {OrderRules.MaxSkuLength} characters.");
            }
            else if (!catalog.ContainsKey(line.Sku))
            {
                Add($"lines[{i}].sku", $"Unknown SKU '{line.Sku}'.");
            }

            if (line.Quantity is < OrderRules.MinQuantity or > OrderRules.MaxQuantity)
            {
                Add($"lines[{i}].quantity", $"A quantity is {OrderRules.MinQuantity} to {OrderRules.MaxQuantity}; this one is {line.Quantity}.");
            }
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The validated request as order lines (only call when <see cref="Validate"/> found nothing).</summary>
    public static IReadOnlyList<OrderLine> Lines(PlaceOrderRequest request) =>
        [.. request.Lines!.Select(l => new OrderLine(l!.Sku!, l.Quantity))];
}

namespace Mensageria.Messaging.Orders;

/// <summary>The catalog loaded into Redis at first start (stock only where none is stored yet).</summary>
public static class SeedCatalog
{
    public static IReadOnlyList<Product> Products { get; } =
    [
        new("ESP-001", "Espresso beans, 1 kg", 24.90m, 5000),
        new("ESP-002", "Decaf espresso beans, 1 kg", 26.50m, 2000),
        new("FLT-001", "Filter coffee, 500 g", 12.40m, 5000),
        new("TEA-001", "Green tea, 100 g", 8.90m, 3000),
        new("TEA-002", "Earl Grey, 100 g", 7.50m, 3000),
        new("MUG-001", "Stoneware mug", 14.00m, 1500),
        new("MUG-002", "Double-wall glass", 18.00m, 800),
        new("GRN-001", "Hand grinder", 64.00m, 300),
        new("GRN-002", "Electric burr grinder", 189.00m, 120),
        new("KTL-001", "Gooseneck kettle", 79.00m, 200),
        new("FLT-010", "Paper filters, 100", 4.20m, 10000),
        new("PRS-001", "French press, 1 l", 39.00m, 400),
        new("AER-001", "Aeropress", 42.00m, 350),
        new("SCL-001", "Brewing scale", 34.00m, 250),
        new("CHC-001", "Dark chocolate, 100 g", 3.60m, 4000),
        new("SYR-001", "Vanilla syrup, 250 ml", 6.80m, 900),
        new("MLK-001", "Oat milk, 1 l", 2.90m, 6000),
        new("CUP-001", "Travel cup", 22.00m, 700),
        new("CLN-001", "Descaler, 500 ml", 9.90m, 1000),
        new("GFT-001", "Tasting box (limited)", 49.00m, 5),
    ];
}

using Mensageria.Messaging.Contracts;

namespace Mensageria.Cli.Services;

/// <summary>The body of an order or a quote, as the API reads it.</summary>
public sealed record OrderBodyDto(string CustomerId, IReadOnlyList<OrderLine> Lines);

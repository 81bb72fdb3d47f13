using System.Text;
using Mensageria.Tests.Infrastructure;

namespace Mensageria.Tests.Credentials;

/// <summary>Random Authorization headers against the API and the operations endpoints: each is refused, none is a server error.</summary>
[Collection(SharedAppDefinition.Name)]
public sealed class AuthorizationFuzzTests(AppHostFixture fixture)
{
    private const int Cases = 300;
    private static readonly string[] s_prefixes = ["", "Bearer ", "bearer ", "BEARER  ", "Basic ", "Bearer mk_", "Bearer mk_0123456789ab_", "mk_", "Bearer\t"];

    [Theory]
    [InlineData("api", "/api/orders")]
    [InlineData("web", "/ops/queues")]
    public async Task No_random_Authorization_header_gets_through_or_causes_a_server_error(string resource, string path)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var random = new Random(20261201);
        // Latin-1 on the wire, as a careless client sends it (HttpClient refuses non-ASCII headers by default).
        using var http = new HttpClient(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.Latin1 }) { BaseAddress = fixture.App.GetEndpoint(resource) };
        var seen = new Dictionary<int, int>();
        for (var i = 0; i < Cases; i++)
        {
            var header = s_prefixes[random.Next(s_prefixes.Length)] + Noise(random);
            using var request = new HttpRequestMessage(path == "/api/orders" ? HttpMethod.Post : HttpMethod.Get, path)
            {
                Content = path == "/api/orders" ? new StringContent("""{"customerId":"fuzz","lines":[{"sku":"TEA-001","quantity":1}]}""", Encoding.UTF8, "application/json") : null,
            };
            if (!request.Headers.TryAddWithoutValidation("Authorization", header))
            {
                continue;
            }

            // Some headers are repeated, so that a request carries two.
            if (random.Next(10) == 0)
            {
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + TestCredentials.ServiceKey);
            }

            using var response = await http.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            seen[status] = seen.GetValueOrDefault(status) + 1;
            Assert.True(status is 400 or 401 or 431, $"'{header}' got {status}.");
        }

        Assert.True(seen.GetValueOrDefault(401) > Cases / 2, string.Join(", ", seen.Select(s => $"{s.Key}: {s.Value}")));
    }

    /// <summary>Printable ASCII, or in one header of four Latin-1 too (which Kestrel refuses with 400); short, key-sized or long.</summary>
    private static string Noise(Random random)
    {
        var length = random.Next(4) switch { 0 => 0, 1 => random.Next(1, 16), 2 => random.Next(40, 80), _ => random.Next(200, 4000) };
        var latin1 = random.Next(4) == 0;
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(latin1 && random.Next(8) == 0 ? (char)random.Next(0xA0, 0x100) : (char)random.Next(0x20, 0x7F));
        }

        return text.ToString();
    }
}

using Mensageria.Dashboard.Api;

namespace Mensageria.Tests.Dashboard;

public sealed class SecretMaskTests
{
    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_HEADERS", "x-otlp-api-key=abc", SecretMask.Mask)]
    [InlineData("Some__ApiKey", "abc", SecretMask.Mask)]
    [InlineData("ConnectionStrings__messaging", "amqp://mensageria:s3cr%40t@127.0.0.1:5672", "amqp://mensageria:" + SecretMask.Mask + "@127.0.0.1:5672")]
    [InlineData("ConnectionStrings__cache", "127.0.0.1:6379,password=s3cret,ssl=false", "127.0.0.1:6379,password=" + SecretMask.Mask + ",ssl=false")]
    [InlineData("ASPNETCORE_URLS", "http://localhost:5080", "http://localhost:5080")]
    public void Secrets_are_masked_and_the_rest_is_shown(string name, string value, string shown) =>
        Assert.Equal(shown, SecretMask.Apply(name, value));
}

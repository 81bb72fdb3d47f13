using Microsoft.Extensions.Hosting;

namespace Mensageria.Tests.ServiceDefaults;

public sealed class ClientRegistrationTests
{
    [Theory]
    [InlineData(null, "has no connection string")]
    [InlineData("http://u:p@localhost:5672", "not amqp or amqps")]
    [InlineData("not a uri", "not an absolute URI")]
    public void A_missing_or_malformed_broker_connection_string_fails_at_start_up_naming_the_key(string? connectionString, string reason)
    {
        var builder = CreateBuilder("messaging", connectionString);

        var error = Assert.Throws<InvalidOperationException>(() => BuildAndResolve(builder, b => b.AddRabbitMQClient("messaging")));

        Assert.Contains("ConnectionStrings:messaging", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "has no connection string")]
    [InlineData("localhost:6379,passwor=x", "passwor")]
    public void A_missing_or_malformed_redis_connection_string_fails_at_start_up_naming_the_key(string? connectionString, string reason)
    {
        var builder = CreateBuilder("cache", connectionString);

        var error = Assert.Throws<InvalidOperationException>(() => BuildAndResolve(builder, b => b.AddRedisClient("cache")));

        Assert.Contains("ConnectionStrings:cache", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    private static HostApplicationBuilder CreateBuilder(string name, string? connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        if (connectionString is not null)
        {
            builder.Configuration[$"ConnectionStrings:{name}"] = connectionString;
        }

        return builder;
    }

    private static void BuildAndResolve(HostApplicationBuilder builder, Action<HostApplicationBuilder> register)
    {
        register(builder);
        using var host = builder.Build();
    }
}

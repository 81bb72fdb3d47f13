using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Mensageria.Tests.ServiceDefaults;

public sealed class OpenTelemetryExtensionsTests
{
    [Fact]
    public async Task Without_an_OTLP_endpoint_a_service_records_no_spans()
    {
        Assert.False(await RecordsSpansAsync(new Dictionary<string, string?>()));
    }

    [Fact]
    public async Task With_an_OTLP_endpoint_a_service_records_its_spans()
    {
        // Nothing listens there: the export fails quietly, which is not what this test looks at.
        Assert.True(await RecordsSpansAsync(new() { [OpenTelemetryExtensions.OtlpEndpointVariable] = "http://127.0.0.1:9" }));
    }

    [Fact]
    public async Task Without_an_endpoint_the_SDK_can_still_be_kept_on()
    {
        Assert.True(await RecordsSpansAsync(new() { [OpenTelemetryExtensions.SdkDisabledVariable] = "false" }));
    }

    /// <summary>
    /// Starts a service host with the service defaults' telemetry and the given settings (and no environment
    /// variables), and tells whether a span of its own source is recorded.
    /// </summary>
    private static async Task<bool> RecordsSpansAsync(Dictionary<string, string?> settings)
    {
        // A source no other test listens to: the service traces its application name.
        var name = $"telemetry-test-{Guid.NewGuid():N}";
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = name, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.ConfigureOpenTelemetry();
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            using var source = new ActivitySource(name);
            using var span = source.StartActivity("probe");
            return span is { Recorded: true };
        }
        finally
        {
            await host.StopAsync(TestContext.Current.CancellationToken);
        }
    }
}

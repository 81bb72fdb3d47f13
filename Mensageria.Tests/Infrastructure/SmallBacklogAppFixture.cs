using Aspire.Hosting.ApplicationModel;

namespace Mensageria.Tests.Infrastructure;

/// <summary>A private app whose API takes orders only while at most <see cref="MaxBacklog"/> wait for a worker.</summary>
public sealed class SmallBacklogAppFixture : PrivateAppFixture
{
    public const int MaxBacklog = 20;

    protected override void Configure(IDistributedApplicationTestingBuilder builder) =>
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "api"))
            .WithEnvironment("Mensageria__Orders__MaxBacklog", MaxBacklog.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

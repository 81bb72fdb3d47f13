using Aspire.Hosting.ApplicationModel;

namespace Mensageria.Tests.Infrastructure;

/// <summary>
/// A private app whose Redis takes seconds to reload its data after a restart, as a crashed Redis
/// with a large append-only file does: every key loaded waits a little (<c>key-load-delay</c>, the
/// setting Redis's own tests use to hold a server in LOADING), and clients are answered between
/// small chunks of the file, so they see the LOADING replies a real reload gives them.
/// </summary>
public sealed class SlowLoadingRedisAppFixture : PrivateAppFixture
{
    protected override void Configure(IDistributedApplicationTestingBuilder builder) =>
        builder.CreateResourceBuilder(builder.Resources.OfType<ExecutableResource>().Single(r => r.Name == "cache"))
            .WithArgs("--key-load-delay", "10", "--loading-process-events-interval-bytes", "1024");
}

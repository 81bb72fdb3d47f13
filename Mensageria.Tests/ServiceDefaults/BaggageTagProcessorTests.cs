using System.Diagnostics;
using Mensageria.ServiceDefaults;

namespace Mensageria.Tests.ServiceDefaults;

public sealed class BaggageTagProcessorTests
{
    [Fact]
    public void Spans_started_beneath_a_business_id_carry_it_as_a_tag_and_other_baggage_stays_out()
    {
        using var source = new ActivitySource("Mensageria.Tests.Baggage");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var processor = new BaggageTagProcessor();

        using var request = source.StartActivity("POST /api/orders")!;
        request.SetBaggage("mensageria.order.id", "order-42").SetBaggage("user.agent", "curl");
        using var publish = source.StartActivity("orders publish")!;
        using var grandchild = source.StartActivity("HSET")!;
        processor.OnStart(publish);
        processor.OnStart(grandchild);

        Assert.Equal("order-42", publish.GetTagItem("mensageria.order.id"));
        Assert.Equal("order-42", grandchild.GetTagItem("mensageria.order.id"));
        Assert.Null(publish.GetTagItem("user.agent"));
    }
}

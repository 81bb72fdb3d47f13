using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Mensageria.Dashboard.Telemetry;
using OpenTelemetry.Proto.Common.V1;

namespace Mensageria.Dashboard.Otlp;

/// <summary>Turns OTLP values into the store's text, within the attribute limits.</summary>
internal sealed class OtlpValues(TelemetryLimits limits)
{
    private readonly StringPool _pool = new();

    /// <summary>The pooled instance of a string that repeats across spans (a name, a key, a short value).</summary>
    public string Pooled(string text) => _pool.Get(text);

    /// <summary>The attributes as text, at most <see cref="TelemetryLimits.MaxAttributes"/>; <paramref name="dropped"/> counts the rest.</summary>
    public Dictionary<string, string> Attributes(RepeatedField<KeyValue> attributes, ref long dropped)
    {
        var result = new Dictionary<string, string>(Math.Min(attributes.Count, limits.MaxAttributes), StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            if (result.Count < limits.MaxAttributes)
            {
                result[_pool.Get(attribute.Key)] = _pool.Get(Text(attribute.Value));
            }
            else
            {
                dropped++;
            }
        }

        return result;
    }

    public string Text(AnyValue? value) => Cut(Render(value));

    public string Cut(string text) => text.Length <= limits.MaxAttributeLength ? text : string.Concat(text.AsSpan(0, limits.MaxAttributeLength), "…");

    public static string Id(ByteString id) => id.IsEmpty ? "" : Convert.ToHexStringLower(id.Span);

    public static DateTimeOffset Time(ulong unixNanoseconds) => DateTimeOffset.UnixEpoch.AddTicks((long)(unixNanoseconds / 100));

    private static string Render(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.BytesValue => Convert.ToBase64String(value.BytesValue.Span),
        AnyValue.ValueOneofCase.ArrayValue => $"[{string.Join(", ", value.ArrayValue.Values.Select(Render))}]",
        AnyValue.ValueOneofCase.KvlistValue => $"{{{string.Join(", ", value.KvlistValue.Values.Select(kv => $"{kv.Key}: {Render(kv.Value)}"))}}}",
        _ => "",
    };
}

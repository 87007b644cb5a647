using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Io.Cucumber.Messages.Types;

namespace KycE2E.Reporting.Cucumber;

/// <summary>
/// How a Cucumber Messages envelope is written and read as JSON: camelCase names, no null fields, and each enum by the
/// wire value its package defines (<c>PASSED</c>, <c>text/x.cucumber.gherkin+plain</c>, <c>Context</c>).
/// </summary>
public static class MessageJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static string Serialize(Envelope envelope) => JsonSerializer.Serialize(envelope, Options);

    public static Envelope Deserialize(string line) =>
        JsonSerializer.Deserialize<Envelope>(line, Options) ?? throw new JsonException("an envelope is null");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Non-ASCII text (zh-CN features) stays readable; the HTML formatter escapes what a script tag needs.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new WireEnum<AttachmentContentEncoding>(AttachmentContentEncodingExtensions.Value));
        options.Converters.Add(new WireEnum<SourceMediaType>(SourceMediaTypeExtensions.Value));
        options.Converters.Add(new WireEnum<HookType>(HookTypeExtensions.Value));
        options.Converters.Add(new WireEnum<PickleStepType>(PickleStepTypeExtensions.Value));
        options.Converters.Add(new WireEnum<StepDefinitionPatternType>(StepDefinitionPatternTypeExtensions.Value));
        options.Converters.Add(new WireEnum<StepKeywordType>(StepKeywordTypeExtensions.Value));
        options.Converters.Add(new WireEnum<TestStepResultStatus>(TestStepResultStatusExtensions.Value));
        return options;
    }

    private sealed class WireEnum<T>(Func<T, string> wire) : JsonConverter<T>
        where T : struct, Enum
    {
        private readonly Dictionary<string, T> _byWire = Enum.GetValues<T>().ToDictionary(wire, v => v, StringComparer.Ordinal);

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetString() is { } text && _byWire.TryGetValue(text, out var value)
                ? value
                : throw new JsonException($"'{reader.GetString()}' is no {typeof(T).Name}");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(wire(value));
    }
}

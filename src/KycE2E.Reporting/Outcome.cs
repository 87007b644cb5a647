using System.Text.Json;
using System.Text.Json.Serialization;

namespace KycE2E.Reporting;

/// <summary>How a step, a scenario's attempt or a scenario across its attempts ended; written in lower case ("passed").</summary>
[JsonConverter(typeof(OutcomeJsonConverter))]
public enum Outcome
{
    Passed,
    Failed,
    Skipped,

    /// <summary>Only of a scenario across its attempts: it failed, then passed (see <see cref="FlakyPolicy"/>).</summary>
    Flaky,
}

public static class OutcomeText
{
    /// <summary>The word the records, the report and the console use: passed, failed, skipped, flaky.</summary>
    public static string Text(this Outcome outcome) => outcome switch
    {
        Outcome.Passed => "passed",
        Outcome.Failed => "failed",
        Outcome.Skipped => "skipped",
        Outcome.Flaky => "flaky",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}

/// <summary>The records' JSON keeps its lower-case words, whatever the serializer options of the caller.</summary>
internal sealed class OutcomeJsonConverter : JsonConverter<Outcome>
{
    public override Outcome Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() is { } text && Enum.TryParse<Outcome>(text, ignoreCase: true, out var outcome) && Enum.IsDefined(outcome)
            ? outcome
            : throw new JsonException($"unknown outcome '{reader.GetString()}': use passed, failed, skipped or flaky");

    public override void Write(Utf8JsonWriter writer, Outcome value, JsonSerializerOptions options) => writer.WriteStringValue(value.Text());
}

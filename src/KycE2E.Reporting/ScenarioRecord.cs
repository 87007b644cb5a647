using System.Text.Json;
using System.Text.Json.Serialization;

namespace KycE2E.Reporting;

/// <summary>
/// What one scenario did on one platform, written as JSON when it ends; reports are built from these files. The machine
/// and the worker (NUnit's worker id) it ran on place it on the Allure timeline; records written before they were kept
/// read as null.
/// </summary>
public sealed record ScenarioRecord(
    string Id,
    string Feature,
    string Scenario,
    string Platform,
    IReadOnlyList<string> Tags,
    Outcome Outcome,
    DateTimeOffset StartedAt,
    double Seconds,
    IReadOnlyList<StepRecord> Steps,
    string? Error,
    string? ArtifactsDir,
    IReadOnlyList<string> Artifacts,
    int Attempt,
    string? Host = null,
    string? Worker = null,
    string? SkipReason = null)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The same scenario on the same platform across retries and shards.</summary>
    public string Key => $"{Feature}\u001f{Scenario}\u001f{Platform}\u001f{string.Join(',', Tags.Order(StringComparer.Ordinal))}";

    public static string Folder(string runDir) => Path.Combine(runDir, "results");

    public void Write(string runDir)
    {
        Directory.CreateDirectory(Folder(runDir));
        File.WriteAllText(Path.Combine(Folder(runDir), $"{Id}.json"), JsonSerializer.Serialize(this, Json));
    }

    public static IReadOnlyList<ScenarioRecord> ReadAll(string runDir) =>
        Directory.Exists(Folder(runDir))
            ? [.. Directory.EnumerateFiles(Folder(runDir), "*.json").Select(f => JsonSerializer.Deserialize<ScenarioRecord>(File.ReadAllText(f), Json)!)]
            : [];
}

public sealed record StepRecord(string Keyword, string Text, Outcome Outcome, double Seconds, string? Error, string? Screenshot);

using System.Text.Json;

namespace KycE2E.Reporting;

/// <summary>
/// The last recorded seconds of each scenario on each platform (one test case each), kept from run to run in one JSON
/// file (artifacts/durations.json by default) so that shards can be balanced by time.
/// </summary>
public sealed class ScenarioDurations
{
    public const string DefaultFile = "durations.json";

    private readonly SortedDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public sealed record Entry(string Feature, string Scenario, string Platform, double Seconds);

    public int Count => _entries.Count;

    public IEnumerable<Entry> Entries => _entries.Values;

    /// <summary>The file's durations; none when it does not exist. A file that cannot be read is an error naming it.</summary>
    public static ScenarioDurations Load(string path)
    {
        var durations = new ScenarioDurations();
        if (!File.Exists(path))
        {
            return durations;
        }

        try
        {
            foreach (var entry in JsonSerializer.Deserialize<List<Entry>>(File.ReadAllText(path), ScenarioRecord.Json) ?? [])
            {
                durations.Set(entry);
            }
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a durations file ({e.Message}); delete it and the next run writes it again.", e);
        }

        return durations;
    }

    /// <summary>The seconds of each finished (passed, failed or flaky) scenario of these records; the latest start wins.</summary>
    public void Record(IEnumerable<ScenarioRecord> records)
    {
        foreach (var record in records.Where(r => r.Outcome != Outcome.Skipped).OrderBy(r => r.StartedAt))
        {
            Set(new Entry(record.Feature, record.Scenario, record.Platform, Math.Round(record.Seconds, 2)));
        }
    }

    /// <summary>Adds the scenarios of these result folders (a run, its retries, shards) to the file, written anew.</summary>
    public static void Update(string path, IEnumerable<string> runDirs)
    {
        var durations = Load(path);
        durations.Record(runDirs.SelectMany(ScenarioRecord.ReadAll));
        durations.Save(path);
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(_entries.Values, ScenarioRecord.Json));
    }

    /// <summary>The unit's predicted seconds: the mean of its recorded test cases times its rows; null when none was recorded.</summary>
    public double? SecondsOf(ShardUnit unit)
    {
        var held = _entries.Values.Where(e => unit.Holds(e.Feature, e.Scenario, e.Platform)).Select(e => e.Seconds).ToList();
        return held.Count == 0 ? null : held.Average() * unit.Rows;
    }

    private void Set(Entry entry) => _entries[$"{entry.Feature}\u001f{entry.Scenario}\u001f{entry.Platform}"] = entry;
}

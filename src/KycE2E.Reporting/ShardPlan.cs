using System.Text.RegularExpressions;

namespace KycE2E.Reporting;

/// <summary>
/// One scenario on one platform as the test filter can pick it: a generated test method, and for an outline the rows of
/// one platform. <paramref name="Rows"/> is how many test cases it holds.
/// </summary>
public sealed record ShardUnit(string Class, string Method, bool Parameterized, string? Platform, int Rows, string Feature, string Scenario)
{
    /// <summary>The other methods of the class whose names begin with this one's: a "contains" filter must leave them out.</summary>
    public IReadOnlyList<string> Longer { get; init; } = [];

    /// <summary>
    /// The dotnet test filter that selects exactly this unit's test cases. An outline's cases are named Method(arguments):
    /// they are matched by "contains", without the parenthesis (the NUnit adapter's parser counts parentheses, escaped or not).
    /// </summary>
    public string Filter =>
        Parameterized
            ? $"(FullyQualifiedName~{TestFilters.Escape($"{Class}.{Method}")}{string.Concat(Longer.Select(m => $"&FullyQualifiedName!~{TestFilters.Escape($"{Class}.{m}")}"))}{(Platform is null ? "" : $"&Category={Platform}")})"
            : $"FullyQualifiedName={TestFilters.Escape($"{Class}.{Method}")}";

    public bool Equals(ShardUnit? other) =>
        other is not null && (Class, Method, Parameterized, Platform, Rows, Feature, Scenario) == (other.Class, other.Method, other.Parameterized, other.Platform, other.Rows, other.Feature, other.Scenario)
        && Longer.SequenceEqual(other.Longer);

    public override int GetHashCode() => HashCode.Combine(Class, Method, Platform, Rows);

    /// <summary>Whether a scenario's run (one test case, its title with the example row) belongs to this unit.</summary>
    public bool Holds(string feature, string scenario, string platform) =>
        feature == Feature
        && (Platform is null || platform == Platform)
        && (scenario == Scenario || scenario.StartsWith(Scenario + " (", StringComparison.Ordinal));
}

/// <summary>
/// Shards of scenarios with predicted times as even as possible: the longest unit first, each to the shard with the least
/// predicted time so far (ties: the lower shard), from the last recorded durations. A unit never run before is predicted
/// at the median seconds per test case of those that were; with no durations at all every test case counts one. The
/// same units and durations give the same split on every machine.
/// </summary>
public static partial class ShardPlan
{
    public sealed record Shard(int Index, IReadOnlyList<ShardUnit> Units, double PredictedSeconds);

    public static IReadOnlyList<Shard> Split(IReadOnlyList<ShardUnit> units, ScenarioDurations durations, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var predicted = Predict(units, durations);
        var shards = Enumerable.Range(0, count).Select(_ => (Units: new List<ShardUnit>(), Seconds: 0.0)).ToArray();
        foreach (var unit in units
                     .OrderByDescending(u => predicted[u])
                     .ThenBy(u => u.Class, StringComparer.Ordinal)
                     .ThenBy(u => u.Method, StringComparer.Ordinal)
                     .ThenBy(u => u.Platform, StringComparer.Ordinal))
        {
            var least = Enumerable.Range(0, count).MinBy(i => (shards[i].Seconds, i));
            shards[least].Units.Add(unit);
            shards[least].Seconds += predicted[unit];
        }

        return [.. shards.Select((s, i) => new Shard(i + 1, s.Units, s.Seconds))];
    }

    /// <summary>The filter of shard <paramref name="index"/> of <paramref name="count"/> (1-based).</summary>
    public static string Filter(IReadOnlyList<ShardUnit> units, ScenarioDurations durations, int index, int count)
    {
        if (index < 1 || index > count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"shard {index} of {count}: the first is 1, the last {count}.");
        }

        var mine = Split(units, durations, count)[index - 1].Units;
        return mine.Count == 0 ? "FullyQualifiedName=no.scenario.in.this.shard" : string.Join('|', mine.Select(u => u.Filter));
    }

    /// <summary>Predicted seconds per unit (see the class summary).</summary>
    public static Dictionary<ShardUnit, double> Predict(IReadOnlyList<ShardUnit> units, ScenarioDurations durations)
    {
        var known = units.ToDictionary(u => u, durations.SecondsOf);
        var perCase = known.Where(k => k.Value is not null).Select(k => k.Value!.Value / k.Key.Rows).Order().ToList();
        var fallback = perCase.Count == 0 ? 1.0 : perCase[perCase.Count / 2];
        return units.ToDictionary(u => u, u => known[u] ?? fallback * u.Rows);
    }

    /// <summary>Every scenario unit of the generated feature classes under <paramref name="featuresDir"/>.</summary>
    public static IReadOnlyList<ShardUnit> Units(string featuresDir)
    {
        var files = Directory.Exists(featuresDir)
            ? Directory.EnumerateFiles(featuresDir, "*.feature.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];
        var units = files.SelectMany(f => UnitsOf(File.ReadAllText(f))).ToList();
        return units.Count > 0
            ? units
            : throw new InvalidOperationException($"No generated feature classes under {featuresDir}: build the specs first.");
    }

    /// <summary>The units of one generated feature class (SpecFlow's NUnit code-behind).</summary>
    public static IEnumerable<ShardUnit> UnitsOf(string generated)
    {
        var units = ParsedUnits(generated).ToList();
        var methods = units.Select(u => u.Method).Distinct().ToList();
        return units.Select(u => u with
        {
            Longer = [.. methods.Where(m => m.Length > u.Method.Length && m.StartsWith(u.Method, StringComparison.Ordinal)).Order(StringComparer.Ordinal)],
        });
    }

    private static IEnumerable<ShardUnit> ParsedUnits(string generated)
    {
        var ns = Namespace().Match(generated);
        var cls = Class().Match(generated);
        if (!ns.Success || !cls.Success)
        {
            yield break;
        }

        var className = $"{ns.Groups["name"].Value}.{cls.Groups["name"].Value}";
        var header = generated[..cls.Index];
        var feature = Unquote(Description().Matches(header).Last().Groups["text"].Value);
        var featurePlatform = PlatformOf(Category().Matches(header).Select(m => m.Groups["name"].Value));
        const string testMark = "[NUnit.Framework.TestAttribute()]";
        foreach (var chunk in generated[cls.Index..].Split(testMark).Skip(1))
        {
            var signature = Method().Match(chunk);
            if (!signature.Success)
            {
                continue;
            }

            var attributes = chunk[..signature.Index];
            var scenario = Unquote(Description().Match(attributes).Groups["text"].Value);
            var method = signature.Groups["name"].Value;
            var rows = attributes.Split("[NUnit.Framework.TestCaseAttribute(").Skip(1)
                .Select(row => CaseCategory().Match(row[..row.IndexOf(")]", StringComparison.Ordinal)]) is { Success: true } c ? c.Groups["categories"].Value : "")
                .ToList();
            if (rows.Count == 0)
            {
                var platform = PlatformOf(Category().Matches(attributes).Select(m => m.Groups["name"].Value)) ?? featurePlatform;
                yield return new ShardUnit(className, method, false, platform, 1, feature, scenario);
                continue;
            }

            foreach (var group in rows.GroupBy(c => PlatformOf(c.Split(',')) ?? featurePlatform).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                yield return new ShardUnit(className, method, true, group.Key, group.Count(), feature, scenario);
            }
        }
    }

    private static string? PlatformOf(IEnumerable<string> categories) =>
        categories.Select(c => c.Trim()).FirstOrDefault(c => c is "web" or "mobile");

    private static string Unquote(string text) => Regex.Unescape(text);

    [GeneratedRegex(@"namespace\s+(?<name>[\w.]+)")]
    private static partial Regex Namespace();

    [GeneratedRegex(@"public partial class\s+(?<name>\w+)")]
    private static partial Regex Class();

    [GeneratedRegex(@"DescriptionAttribute\(""(?<text>(?:[^""\\]|\\.)*)""\)")]
    private static partial Regex Description();

    [GeneratedRegex(@"CategoryAttribute\(""(?<name>[^""]*)""\)")]
    private static partial Regex Category();

    [GeneratedRegex(@"Category=""(?<categories>[^""]*)""")]
    private static partial Regex CaseCategory();

    [GeneratedRegex(@"^\s*public (?:virtual |async )*(?:void|System\.Threading\.Tasks\.Task|Task) (?<name>\w+)\(", RegexOptions.Multiline)]
    private static partial Regex Method();
}

using System.Globalization;
using System.Text;
using System.Text.Json;

namespace KycE2E.Reporting;

/// <summary>
/// One run's report, built from the scenario records of one or more result folders (a run, its retries, its shards):
/// totals per platform, scenarios across their attempts, the environment, and the console's closing table and failures.
/// </summary>
public sealed class RunReport
{
    private RunReport(IReadOnlyList<ScenarioResult> scenarios, IReadOnlyDictionary<string, string> environment)
    {
        Scenarios = scenarios;
        Environment = environment;
    }

    public IReadOnlyList<ScenarioResult> Scenarios { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public static RunReport From(IEnumerable<string> runDirs)
    {
        var dirs = runDirs.ToList();
        var records = dirs.SelectMany(ScenarioRecord.ReadAll).ToList();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in dirs.Select(d => Path.Combine(d, "environment.json")).Where(File.Exists))
        {
            foreach (var (k, v) in JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file)) ?? [])
            {
                environment.TryAdd(k, v);
            }
        }

        var scenarios = records
            .GroupBy(r => r.Key)
            .Select(g => new ScenarioResult([.. g.OrderBy(r => r.Attempt).ThenBy(r => r.StartedAt)]))
            .OrderBy(s => s.Last.Feature, StringComparer.Ordinal).ThenBy(s => s.Last.Scenario, StringComparer.Ordinal).ThenBy(s => s.Last.Platform, StringComparer.Ordinal)
            .ToList();
        return new RunReport(scenarios, environment);
    }

    public IReadOnlyDictionary<string, Totals> TotalsByPlatform() =>
        Scenarios.GroupBy(s => s.Last.Platform).ToDictionary(g => g.Key, g => Totals.Of(g));

    public Totals Overall => Totals.Of(Scenarios);

    /// <summary>The closing table and the failures, for the console.</summary>
    public string Summary(string reportPath)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"platform",-10} {"passed",7} {"failed",7} {"flaky",6} {"skipped",8} {"seconds",8}");
        foreach (var (platform, t) in TotalsByPlatform().OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{platform,-10} {t.Passed,7} {t.Failed,7} {t.Flaky,6} {t.Skipped,8} {t.Seconds,8:0.0}");
        }

        foreach (var failed in Scenarios.Where(s => s.Outcome == Outcome.Failed))
        {
            text.Append(FailureBlock(failed.Last));
        }

        foreach (var flaky in Scenarios.Where(s => s.Outcome == Outcome.Flaky))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"FLAKY  [{flaky.Last.Platform}] {flaky.Last.Feature} / {flaky.Last.Scenario}: failed {flaky.Attempts.Count - 1} time(s), then passed");
        }

        foreach (var skipped in Scenarios.Where(s => s.Outcome == Outcome.Skipped))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"SKIPPED [{skipped.Last.Platform}] {skipped.Last.Feature} / {skipped.Last.Scenario}: {skipped.Last.SkipReason ?? "no reason given"}");
        }

        text.Append(CultureInfo.InvariantCulture, $"report: {reportPath}");
        return text.ToString();
    }

    /// <summary>Lines of a failure's error on the console: its message, not its stack (the report and the records have it all).</summary>
    public const int ErrorLines = 4;

    /// <summary>
    /// A failed scenario on the console: "FAILED [platform] feature / scenario: " and the error's first line, its next lines
    /// (up to its stack trace), the step that failed and the folder of its evidence.
    /// </summary>
    public static string FailureBlock(ScenarioRecord failed)
    {
        var lines = ErrorHead(failed.Error);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"FAILED [{failed.Platform}] {failed.Feature} / {failed.Scenario}: {(lines.Count > 0 ? lines[0] : "")}");
        foreach (var line in lines.Skip(1))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"         {line}");
        }

        if (failed.Steps.FirstOrDefault(s => s.Outcome == Outcome.Failed) is { } step)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"       step: {step.Keyword} {step.Text}");
        }

        if (failed.ArtifactsDir is { } dir)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"       artifacts: {dir}");
        }

        return text.ToString();
    }

    /// <summary>The error's first non-empty lines, until its stack trace begins; long lines cut at 200 characters.</summary>
    public static IReadOnlyList<string> ErrorHead(string? error) =>
        [.. (error ?? "").Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .TakeWhile(l => !l.StartsWith("   at ", StringComparison.Ordinal) && !l.StartsWith("--- End of", StringComparison.Ordinal))
            .Where(l => l.Trim().Length > 0)
            .Take(ErrorLines)
            .Select(l => l.Trim().Length > 200 ? l.Trim()[..200] + " …" : l.Trim())];
}

/// <summary>A scenario across its attempts (retries), oldest first; its outcome by <see cref="FlakyPolicy.Of"/>.</summary>
public sealed record ScenarioResult(IReadOnlyList<ScenarioRecord> Attempts)
{
    public ScenarioRecord Last => Attempts[^1];

    public Outcome Outcome => FlakyPolicy.Of([.. Attempts.Select(a => a.Outcome)]);
}

public sealed record Totals(int Passed, int Failed, int Flaky, int Skipped, double Seconds)
{
    public static Totals Of(IEnumerable<ScenarioResult> scenarios)
    {
        var list = scenarios.ToList();
        return new Totals(
            list.Count(s => s.Outcome == Outcome.Passed),
            list.Count(s => s.Outcome == Outcome.Failed),
            list.Count(s => s.Outcome == Outcome.Flaky),
            list.Count(s => s.Outcome == Outcome.Skipped),
            list.Sum(s => s.Attempts.Sum(a => a.Seconds)));
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace KycE2E.Reporting;

/// <summary>
/// One run's report, built from the scenario records of one or more result folders (a run, its retries, its shards):
/// totals per platform, features → scenarios → steps, and for each failure its evidence. Plain HTML, openable offline.
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

    public void WriteHtml(string path, string relativeTo)
    {
        File.WriteAllText(path, Html(relativeTo), Encoding.UTF8);
    }

    private string Html(string relativeTo)
    {
        var h = new StringBuilder();
        h.Append("""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>KycE2E report</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>
            body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:24px;color:#1d2330}
            table{border-collapse:collapse;margin:8px 0 20px}td,th{border:1px solid #dde1e8;padding:4px 10px;text-align:right}th:first-child,td:first-child{text-align:left}
            .passed{color:#1a7f5a}.failed{color:#c62828}.flaky{color:#b26a00}.skipped{color:#777}
            details{margin:4px 0 4px 12px}summary{cursor:pointer}.steps{font-family:ui-monospace,monospace;font-size:13px;margin:6px 0 6px 18px}
            .error{white-space:pre-wrap;background:#fff3f3;border:1px solid #f1c4c4;padding:8px;font-size:13px}
            img.shot{max-width:480px;border:1px solid #ccc;margin:6px 0}code{background:#f3f4f7;padding:1px 4px}
            </style></head><body>
            """);
        h.Append("<h1>KycE2E report</h1>");
        h.Append("<table><tr><th>platform</th><th>passed</th><th>failed</th><th>flaky</th><th>skipped</th><th>seconds</th></tr>");
        foreach (var (platform, t) in TotalsByPlatform().OrderBy(p => p.Key, StringComparer.Ordinal).Append(new("all", Overall)))
        {
            h.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(platform)}</td><td>{t.Passed}</td><td>{t.Failed}</td><td>{t.Flaky}</td><td>{t.Skipped}</td><td>{t.Seconds:0.0}</td></tr>");
        }

        h.Append("</table><h2>Environment</h2><table>");
        foreach (var (k, v) in Environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            h.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(k)}</td><td style=\"text-align:left\">{E(v)}</td></tr>");
        }

        h.Append("</table><h2>Features</h2>");
        foreach (var feature in Scenarios.GroupBy(s => s.Last.Feature))
        {
            var outcome = feature.Any(s => s.Outcome == Outcome.Failed) ? Outcome.Failed : feature.Any(s => s.Outcome == Outcome.Flaky) ? Outcome.Flaky : Outcome.Passed;
            h.Append(CultureInfo.InvariantCulture, $"<details{(outcome == Outcome.Failed ? " open" : "")}><summary class=\"{outcome.Text()}\">{E(feature.Key)} ({feature.Count()})</summary>");
            foreach (var s in feature)
            {
                var last = s.Last;
                h.Append(CultureInfo.InvariantCulture, $"<details{(s.Outcome == Outcome.Failed ? " open" : "")}><summary class=\"{s.Outcome.Text()}\">[{E(last.Platform)}] {E(last.Scenario)} — {s.Outcome.Text()}, {last.Seconds:0.0} s{(s.Attempts.Count > 1 ? $", {s.Attempts.Count} attempts" : "")}</summary>");
                h.Append(CultureInfo.InvariantCulture, $"<div>tags: {E(string.Join(" ", last.Tags.Select(t => "@" + t)))}</div><div class=\"steps\">");
                foreach (var step in last.Steps)
                {
                    h.Append(CultureInfo.InvariantCulture, $"<div class=\"{step.Outcome.Text()}\">{E(step.Keyword)} {E(step.Text)} <span class=\"skipped\">({step.Outcome.Text()}, {step.Seconds:0.00} s)</span></div>");
                    if (step.Screenshot is { } shot)
                    {
                        h.Append(CultureInfo.InvariantCulture, $"<img class=\"shot\" alt=\"{E(step.Text)}\" src=\"{E(Relative(relativeTo, shot))}\">");
                    }
                }

                h.Append("</div>");
                if (last.Error is { } error)
                {
                    h.Append(CultureInfo.InvariantCulture, $"<div class=\"error\">{E(error)}</div>");
                }

                foreach (var file in last.Artifacts)
                {
                    var rel = Relative(relativeTo, file);
                    var name = Path.GetFileName(file);
                    if (name.EndsWith(".png", StringComparison.Ordinal))
                    {
                        h.Append(CultureInfo.InvariantCulture, $"<div><a href=\"{E(rel)}\"><img class=\"shot\" alt=\"{E(name)}\" src=\"{E(rel)}\"></a></div>");
                    }
                    else if (name == "trace.zip")
                    {
                        h.Append(CultureInfo.InvariantCulture, $"<div>trace: <a href=\"{E(rel)}\">{E(name)}</a> — open with <code>./e2e show-trace {E(file)}</code></div>");
                    }
                    else
                    {
                        h.Append(CultureInfo.InvariantCulture, $"<div><a href=\"{E(rel)}\">{E(name)}</a></div>");
                    }
                }

                h.Append("</details>");
            }

            h.Append("</details>");
        }

        h.Append("</body></html>");
        return h.ToString();
    }

    private static string Relative(string from, string file) => Path.GetRelativePath(from, file).Replace('\\', '/');

    private static string E(string text) => WebUtility.HtmlEncode(text);

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

using System.Globalization;
using KycE2E.Reporting.Allure;
using KycE2E.Reporting.Cucumber;

namespace KycE2E.Reporting;

/// <summary>
/// What a run leaves behind and what it decides: index.html, allure-results (and, through the runner, the Allure report),
/// merged.junit.xml, the console summary and the gate.
/// </summary>
public static class RunOutcome
{
    /// <summary>
    /// Writes OUT_DIR/allure-results, OUT_DIR/merged.junit.xml and OUT_DIR/index.html from the result folders (oldest
    /// first: a run, then its retries; or shards), prints the summary, and returns the gate's exit code: 0 passed, 1 a
    /// scenario failed. <paramref name="render"/> (the runner's Allure) turns OUT_DIR/allure-results into a report before
    /// the index is written; it never changes the verdict.
    /// </summary>
    public static int Write(string outDir, IReadOnlyList<string> runDirs, FlakyPolicy policy, TextWriter console, Action<string>? render = null)
    {
        var (report, code) = WriteFiles(outDir, runDirs, policy, render, say: console.WriteLine);
        console.WriteLine(report.Summary(Path.Combine(outDir, RunIndex.FileName)));
        var overall = report.Overall;
        console.WriteLine(policy.Describe(overall));
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"e2e: {overall.Passed + overall.Flaky} passed, {overall.Failed} failed, {overall.Skipped} skipped"));
        if (overall.Passed + overall.Failed + overall.Flaky + overall.Skipped == 0)
        {
            // Nothing ran is never a pass: a filter that matches nothing, or a test host that stopped before the first scenario.
            console.WriteLine("e2e: no scenario ran: the filter matched none, or the test host stopped before the first (see above).");
        }

        return code;
    }

    /// <summary>
    /// The files of <see cref="Write"/> without the console: the report read from the folders and the gate's exit code.
    /// The test host passes <paramref name="mergeJUnit"/> false: one pass has its own JUnit file, and merged.junit.xml is
    /// the whole run's.
    /// </summary>
    public static (RunReport Report, int ExitCode) WriteFiles(
        string outDir, IReadOnlyList<string> runDirs, FlakyPolicy policy, Action<string>? render = null, bool mergeJUnit = true, Action<string>? say = null)
    {
        Directory.CreateDirectory(outDir);
        var report = RunReport.From(runDirs);
        var overall = report.Overall;
        var code = overall.Passed + overall.Failed + overall.Flaky + overall.Skipped == 0 ? 1 : policy.ExitCode(overall);
        if (mergeJUnit)
        {
            JUnitMerge.Write(runDirs, Path.Combine(outDir, "merged.junit.xml"));
        }

        AllureResults.Write(outDir, runDirs, AllureExecutor.From(Environment.GetEnvironmentVariable, Path.GetFileName(Path.TrimEndingDirectorySeparator(outDir))));
        render?.Invoke(outDir);
        // Before the index, which links them: messages.ndjson, cucumber.html, cucumber.json.
        var cucumber = CucumberReports.Write(outDir, runDirs);
        say?.Invoke(cucumber);
        RunIndex.Write(outDir, runDirs, report, policy, code);
        return (report, code);
    }

    /// <summary>One line per scenario that failed in this folder: [platform] feature / scenario.</summary>
    public static IReadOnlyList<string> FailedScenarios(string runDir) =>
        [.. RunReport.From([runDir]).Scenarios.Where(s => s.Outcome == Outcome.Failed).Select(s => $"[{s.Last.Platform}] {s.Last.Feature} / {s.Last.Scenario}")];
}

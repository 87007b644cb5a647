using System.Globalization;
using KycE2E.Reporting.Cucumber;

namespace KycE2E.Reporting;

/// <summary>What a run leaves behind and what it decides: report.html, merged.junit.xml, the Cucumber outputs, the console summary and the gate.</summary>
public static class RunOutcome
{
    /// <summary>
    /// Writes OUT_DIR/report.html, OUT_DIR/merged.junit.xml and the Cucumber outputs (messages.ndjson, cucumber.html, cucumber.json) from the result folders (oldest first: a run, then its
    /// retries; or shards), prints the summary, and returns the gate's exit code: 0 passed, 1 a scenario failed.
    /// </summary>
    public static int Write(string outDir, IReadOnlyList<string> runDirs, FlakyPolicy policy, TextWriter console)
    {
        Directory.CreateDirectory(outDir);
        var report = RunReport.From(runDirs);
        var html = Path.Combine(outDir, "report.html");
        report.WriteHtml(html, outDir);
        JUnitMerge.Write(runDirs, Path.Combine(outDir, "merged.junit.xml"));
        console.WriteLine(report.Summary(html));
        console.WriteLine(CucumberReports.Write(outDir, runDirs));
        var overall = report.Overall;
        console.WriteLine(policy.Describe(overall));
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"e2e: {overall.Passed + overall.Flaky} passed, {overall.Failed} failed, {overall.Skipped} skipped"));
        if (overall.Passed + overall.Failed + overall.Flaky + overall.Skipped == 0)
        {
            // Nothing ran is never a pass: a filter that matches nothing, or a test host that stopped before the first scenario.
            console.WriteLine("e2e: no scenario ran: the filter matched none, or the test host stopped before the first (see above).");
            return 1;
        }

        return policy.ExitCode(overall);
    }

    /// <summary>One line per scenario that failed in this folder: [platform] feature / scenario.</summary>
    public static IReadOnlyList<string> FailedScenarios(string runDir) =>
        [.. RunReport.From([runDir]).Scenarios.Where(s => s.Outcome == Outcome.Failed).Select(s => $"[{s.Last.Platform}] {s.Last.Feature} / {s.Last.Scenario}")];
}

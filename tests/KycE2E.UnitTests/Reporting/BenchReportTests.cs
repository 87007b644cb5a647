using System.Text.Json;
using KycE2E.Bench;
using KycE2E.Reporting;

namespace KycE2E.UnitTests.Reporting;

public sealed class BenchReportTests
{
    private string _dir = "";

    [SetUp]
    public void CreateBenchFolder() => _dir = Directory.CreateTempSubdirectory("kyce2e-bench-report-").FullName;

    [TearDown]
    public void RemoveBenchFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void The_results_compare_the_runs_and_the_scripts_and_mark_each_target_met_or_missed()
    {
        File.WriteAllText(Path.Combine(_dir, "walltimes.tsv"), "2\t100.0\t0\n1\t150.0\t0\n");
        foreach (var seconds in new[] { 1.0, 2.0, 4.0 })
        {
            Record("workers-2", "Some feature", $"A web scenario of {seconds} s", "web", seconds);
        }

        Record("workers-2", "Some feature", "A phone scenario", "mobile", 2.5);
        Record("workers-1", "Some feature", "A web scenario", "web", 1.0);
        foreach (var (round, suite, plain) in new[] { (1, 3.0, 2.0), (2, 3.2, 2.0), (3, 2.8, 2.0) })
        {
            Record($"overhead/suite-{round}", "Retrying", "A user rejected for a blurry photo retries with sharp photos and is approved (web)", "web", suite);
            File.WriteAllText(Path.Combine(_dir, "overhead", $"plain-{round}.json"), JsonSerializer.Serialize(new Dictionary<string, double> { ["happy retry (web)"] = plain }));
        }

        var code = BenchReport.Write(_dir, TextWriter.Null);

        var md = File.ReadAllText(Path.Combine(_dir, "results.md"));
        md.Should().Contain("| full run, 1 worker ÷ 2 workers | 1.50× (150 s ÷ 100 s) | ≥ 1.4× | yes |");
        md.Should().Contain("| web scenario, median (p90) | 2.00 s (4.00 s), 3 scenarios | median < 1.5 s | **no** |");
        md.Should().Contain("| mobile scenario, median (p90) | 2.50 s (2.50 s), 1 scenarios | median < 3 s | yes |");
        md.Should().Contain("| framework overhead: happy retry (web) | 1.50× (suite 3.00 s ÷ plain 2.00 s, 3 and 3 runs) | ≤ 1.25× | **no** |");
        md.Should().Contain("| framework overhead: happy retry (mobile) | not measured |", "a scenario without runs is said to be missing, not left out");
        code.Should().Be(1, "a target was missed");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "results.json")));
        json.RootElement.GetProperty("workerSpeedup").GetDouble().Should().Be(1.5);
    }

    private void Record(string run, string feature, string scenario, string platform, double seconds) =>
        new ScenarioRecord(Guid.NewGuid().ToString("N"), feature, scenario, platform, [platform], Outcome.Passed, DateTimeOffset.UtcNow, seconds, [], null, null, [], 1)
            .Write(Path.Combine(_dir, run));
}

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

    [Test]
    public void The_log_in_comparison_gives_each_platform_s_ratio_of_medians_and_cpu_and_wall_seconds_per_scenario()
    {
        File.WriteAllText(Path.Combine(_dir, "login.tsv"), "ui\t60.0\t90.0\t0\t1.50 → 2.10\t@status\napi\t40.0\t50.0\t0\t2.10 → 1.90\t@status\n");
        foreach (var seconds in new[] { 3.0, 4.0, 9.0 })
        {
            Record("login-ui", "Status", $"A web scenario of {seconds} s", "web", seconds);
        }

        foreach (var seconds in new[] { 2.0, 2.5, 2.0 })
        {
            Record("login-api", "Status", $"A web scenario of {seconds} s", "web", seconds);
        }

        Record("login-ui", "Status", "A phone scenario", "mobile", 3.0, logIn: 1.2);
        Record("login-ui", "Status", "Another phone scenario", "mobile", 2.0, logIn: 1.0);
        Record("login-api", "Status", "A phone scenario with its log-in", "mobile", 1.0, logIn: 0.4);
        Record("login-api", "Status", "Another phone scenario", "mobile", 1.5, logIn: 0.8);
        Record("login-api", "Status", "A failed phone scenario", "mobile", 30.0, Outcome.Failed);

        BenchReport.Write(_dir, TextWriter.Null);

        var md = File.ReadAllText(Path.Combine(_dir, "results.md"));
        md.Should().Contain("| web scenario, log-in page ÷ log-in API, medians | 2.00× (4.00 s ÷ 2.00 s, 3 and 3 scenarios) |");
        md.Should().Contain("| mobile scenario, log-in page ÷ log-in API, medians | 2.00× (2.50 s ÷ 1.25 s, 2 and 2 scenarios) |", "a failed scenario's time is not a log-in's");
        md.Should().Contain("| mobile log-in step (Given she is logged in), page ÷ API, medians | 1.83× (1.10 s ÷ 0.60 s) |  |  | 0.50 s less per scenario |");
        md.Should().NotContain("| web log-in step", "no web scenario recorded its steps");
        md.Should().Contain("| log-in page: seconds per scenario, wall and CPU | 12.00 s wall, 18.00 s CPU (5 scenarios: 60 s wall, 90 s CPU) |  |  | @status, 2 workers, load average 1.50 → 2.10 |");
        md.Should().Contain("| log-in API: seconds per scenario, wall and CPU | 6.67 s wall, 8.33 s CPU (6 scenarios: 40 s wall, 50 s CPU) |");
        md.Should().Contain("| CPU per scenario, log-in page ÷ log-in API | 2.16× (18.00 s ÷ 8.33 s) |");
    }

    [Test]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two_and_a_ratio_needs_both_sides()
    {
        Measurements.Median([4.0, 1.0, 3.0, 2.0]).Should().Be(2.5);
        Measurements.Median([5.0, 1.0, 3.0]).Should().Be(3.0);
        LogInComparison.Ratio([3.0, 5.0], [2.0]).Should().Be(2.0);
        LogInComparison.Ratio([3.0], []).Should().BeNull();
    }

    private void Record(string run, string feature, string scenario, string platform, double seconds, Outcome outcome = Outcome.Passed, double? logIn = null) =>
        new ScenarioRecord(Guid.NewGuid().ToString("N"), feature, scenario, platform, [platform], outcome, DateTimeOffset.UtcNow, seconds,
                logIn is { } step ? [new StepRecord("Given ", "a user whose verification failed because the photo was blurry", Outcome.Passed, 0.1, null, null), new StepRecord("And ", "she is logged in", Outcome.Passed, step, null, null)] : [],
                null, null, [], 1)
            .Write(Path.Combine(_dir, run));
}

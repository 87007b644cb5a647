using KycE2E.Reporting;

namespace KycE2E.UnitTests.Reporting;

public sealed class RunIndexTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("kyce2e-index-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private static ScenarioRecord Record(string scenario, string platform, Outcome outcome, int attempt = 1) => new(
        Guid.NewGuid().ToString("N"), "Retrying", scenario, platform, [platform], outcome, DateTimeOffset.UtcNow, 2.5,
        [new StepRecord("When", "she retries", outcome, 1.0, null, null)], outcome == Outcome.Failed ? "boom" : null, null, [], attempt);

    [Test]
    public void The_index_gives_the_verdict_the_platform_totals_and_links_only_the_reports_that_exist()
    {
        var retry = Path.Combine(_dir, "retry-1");
        Record("<b>blurry</b> photo", "web", Outcome.Failed).Write(_dir);
        Record("sharp photo", "mobile", Outcome.Passed).Write(_dir);
        Record("<b>blurry</b> photo", "web", Outcome.Passed, attempt: 2).Write(retry);
        File.WriteAllText(Path.Combine(_dir, "specs.trx"), "");
        File.WriteAllText(Path.Combine(_dir, "specs.junit.xml"), "<testsuites />");
        File.WriteAllText(Path.Combine(retry, "specs.trx"), "");
        File.WriteAllText(Path.Combine(_dir, "cucumber.html"), "");
        Directory.CreateDirectory(Path.Combine(_dir, "allure-report"));
        File.WriteAllText(Path.Combine(_dir, "allure-report", "index.html"), "");

        var (report, code) = RunOutcome.WriteFiles(_dir, [_dir, retry], new FlakyPolicy(FlakyFails: true));
        var html = File.ReadAllText(Path.Combine(_dir, "index.html"));

        code.Should().Be(1, "flaky fails the gate under this policy");
        report.Overall.Flaky.Should().Be(1);
        html.Should().Contain("<p id=\"verdict\" class=\"failed\"><strong>failed</strong> (exit code 1): 2 passed, 0 failed, 0 skipped</p>")
            .And.Contain("<p id=\"policy\">flaky scenarios: 1 (they fail the gate)</p>")
            .And.Contain("<tr><td>mobile</td><td>1</td><td>0</td><td>0</td><td>0</td><td>2.5</td></tr>")
            .And.Contain("<tr><td>web</td><td>0</td><td>0</td><td>1</td><td>0</td><td>5.0</td></tr>")
            .And.Contain("<tr><td>all</td><td>1</td><td>0</td><td>1</td><td>0</td><td>7.5</td></tr>");
        RunIndex.Links(_dir, [_dir, retry]).Select(l => l.File).Should().Equal(
            "allure-report/index.html", "cucumber.html", "cucumber.json", "messages.ndjson", "merged.junit.xml", "specs.junit.xml", "specs.trx", "retry-1/specs.trx");
        html.Should().Contain("<li><a href=\"allure-report/index.html\">allure-report/index.html</a>: Allure report:");
        html.Should().NotContain("blurry", "no scenario, step or feature: the reports linked show them").And.NotContain("she retries");
    }

    [Test]
    public void A_run_where_nothing_ran_is_a_failed_verdict()
    {
        var (_, code) = RunOutcome.WriteFiles(_dir, [_dir], new FlakyPolicy(FlakyFails: false));

        code.Should().Be(1);
        File.ReadAllText(Path.Combine(_dir, "index.html")).Should().Contain("<strong>failed</strong> (exit code 1): 0 passed, 0 failed, 0 skipped");
    }
}

using KycE2E.Reporting;

namespace KycE2E.UnitTests.Reporting;

public sealed class RunReportTests
{
    private readonly TempFolders _folders = new("kyce2e-report-");

    [TearDown]
    public void RemoveFolders() => _folders.RemoveAll();

    private string Folder() => _folders.New();

    private static ScenarioRecord Record(string scenario, string platform, Outcome outcome, int attempt = 1) => new(
        Guid.NewGuid().ToString("N"), "Retrying", scenario, platform, ["regression", platform], outcome, DateTimeOffset.UtcNow, 2.5,
        [new StepRecord("When", "she retries", outcome, 1.0, outcome == Outcome.Failed ? "boom" : null, null)],
        outcome == Outcome.Failed ? "boom" : null, null, [], attempt);

    [Test]
    public void A_scenario_that_failed_and_then_passed_is_flaky_never_hidden()
    {
        var first = Folder();
        var retry = Folder();
        Record("blurry photo", "web", Outcome.Failed).Write(first);
        Record("sharp photo", "web", Outcome.Passed).Write(first);
        Record("blurry photo", "mobile", Outcome.Failed).Write(first);
        Record("blurry photo", "web", Outcome.Passed, attempt: 2).Write(retry);
        Record("blurry photo", "mobile", Outcome.Failed, attempt: 2).Write(retry);

        var report = RunReport.From([first, retry]);

        report.TotalsByPlatform()["web"].Should().Be(new Totals(1, 0, 1, 0, 7.5));
        report.TotalsByPlatform()["mobile"].Should().BeEquivalentTo(new { Passed = 0, Failed = 1, Flaky = 0 });
        report.Summary("report.html").Should().Contain("FLAKY  [web] Retrying / blurry photo").And.Contain("FAILED [mobile] Retrying / blurry photo");
    }

    [Test]
    public void A_skipped_scenario_is_counted_as_skipped_and_listed_with_its_reason_after_the_table()
    {
        var dir = Folder();
        Record("sharp photo", "web", Outcome.Passed).Write(dir);
        (Record("approved", "mobile", Outcome.Skipped) with { SkipReason = "needs the clock moved ('clock'), which this environment lacks (Environment:Lacks)" }).Write(dir);

        var report = RunReport.From([dir]);

        report.TotalsByPlatform()["mobile"].Should().Be(new Totals(0, 0, 0, 1, 2.5));
        report.Overall.Should().BeEquivalentTo(new { Passed = 1, Failed = 0, Flaky = 0, Skipped = 1 });
        report.Summary("report.html").Split('\n').Should().ContainSingle(l => l.StartsWith("SKIPPED", StringComparison.Ordinal))
            .Which.Should().Be("SKIPPED [mobile] Retrying / approved: needs the clock moved ('clock'), which this environment lacks (Environment:Lacks)");
    }

    [Test]
    public void Shards_together_count_each_scenario_once()
    {
        var one = Folder();
        var two = Folder();
        Record("a", "web", Outcome.Passed).Write(one);
        Record("b", "web", Outcome.Passed).Write(two);
        Record("b", "mobile", Outcome.Passed).Write(two);

        RunReport.From([one, two]).Overall.Should().BeEquivalentTo(new { Passed = 3, Failed = 0, Flaky = 0 });
    }
}

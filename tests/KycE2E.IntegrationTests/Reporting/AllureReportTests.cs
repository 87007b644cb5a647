using System.Diagnostics;
using KycE2E.Automation.Processes;
using KycE2E.Reporting;
using KycE2E.Runner;
using Microsoft.Playwright;

namespace KycE2E.IntegrationTests.Reporting;

/// <summary>
/// The runner's Allure step for real: the pinned Allure 3 of tools/allure renders a small run (a retry among it) twice
/// into one index.html, and Chromium, opening it from the disk, shows the run's scenarios, the flaky one and the history.
/// </summary>
public sealed class AllureReportTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("kyce2e-allure-report-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private static ScenarioRecord Record(string scenario, string platform, Outcome outcome, int attempt, DateTimeOffset start, IReadOnlyList<string>? artifacts = null) => new(
        Guid.NewGuid().ToString("N"), "Retrying with sharp photos", scenario, platform, ["smoke", platform], outcome, start, 1.5,
        [new StepRecord("When", "she retries", outcome, 1.0, outcome == Outcome.Failed ? "Expected status \"approved\", but found \"pending\"." : null, null)],
        outcome == Outcome.Failed ? "NUnit.Framework.AssertionException: Expected status \"approved\", but found \"pending\"." : null,
        null, artifacts ?? [], attempt, "box", $"ParallelWorker#{attempt}");

    [Test]
    public async Task Chromium_opens_the_report_from_the_disk_and_it_shows_the_runs_scenarios_the_flaky_one_and_two_runs_of_history()
    {
        var repository = new Repository(RepositoryLayout.Root, "Release");
        var history = Path.Combine(_dir, "allure-history.jsonl");
        var console = new StringWriter();
        var allure = new AllureReport(repository, console, name => name == "KYCE2E_ALLURE_HISTORY" ? history : null);
        File.Exists(allure.Cli).Should().BeTrue("./e2e install puts Allure in tools/allure (npm ci)");

        var run = Path.Combine(_dir, "run");
        var retry = Path.Combine(run, "retry-1");
        var shot = Path.Combine(run, "retrying", "blurry-mobile", "screenshot.png");
        Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
        await File.WriteAllBytesAsync(shot, Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
        var start = new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);
        Record("sharp photos", "web", Outcome.Passed, 1, start).Write(run);
        Record("blurry photo", "mobile", Outcome.Failed, 1, start, [shot]).Write(run);
        Record("blurry photo", "web", Outcome.Failed, 1, start.AddSeconds(2)).Write(run);
        Record("blurry photo", "web", Outcome.Passed, 2, start.AddSeconds(10)).Write(retry);

        var seconds = new List<double>();
        string? index = null;
        for (var i = 0; i < 2; i++)
        {
            var clock = Stopwatch.StartNew();
            RunOutcome.WriteFiles(run, [run, retry], new FlakyPolicy(FlakyFails: false), outDir => index = allure.Render(outDir, appendHistory: true));
            seconds.Add(clock.Elapsed.TotalSeconds);
        }

        index.Should().Be(Path.Combine(run, "allure-report", "index.html"), console.ToString());
        File.ReadAllLines(history).Should().HaveCount(2, "each render adds its run to the history");
        console.ToString().Should().Contain("history of 2 run(s)");
        File.ReadAllText(Path.Combine(run, "index.html")).Should().Contain("<a href=\"allure-report/index.html\">");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArguments.All,
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(index!).AbsoluteUri);

        var total = page.GetByTestId("metadata-item-total").GetByTestId("metadata-value");
        await Assertions.Expect(total).ToHaveTextAsync("3", new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("metadata-item-flaky").GetByTestId("metadata-value")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("metadata-item-failed").GetByTestId("metadata-value")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("tab-all").GetByTestId("counter")).ToHaveTextAsync("3");
        await Assertions.Expect(page.GetByTestId("tab-passed").GetByTestId("counter")).ToHaveTextAsync("2", new() { UseInnerText = true });
        // Suites by platform first: the tree's top level is "mobile" and "web".
        foreach (var platform in new[] { "mobile", "web" })
        {
            await Assertions.Expect(page.GetByTestId("tree-section-title").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{platform}$") })).ToHaveCountAsync(1);
        }
        TestContext.Progress.WriteLine($"allure generate: {string.Join(" s, ", seconds.Select(s => s.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)))} s for 3 scenarios");
    }
}

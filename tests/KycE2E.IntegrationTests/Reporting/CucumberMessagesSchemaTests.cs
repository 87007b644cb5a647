using System.Diagnostics;
using System.Text.Json.Nodes;
using KycE2E.Automation.Processes;
using KycE2E.Reporting;
using KycE2E.Reporting.Cucumber;
using Microsoft.Playwright;

namespace KycE2E.IntegrationTests.Reporting;

/// <summary>
/// A real run's messages.ndjson against the official Cucumber Messages JSON schema (the npm package @cucumber/messages,
/// pinned in tools/cucumber-messages): the features' test host runs the web row of "Finding the way back to a failed
/// verification" twice, first with a catalogued defect (it fails, with its screenshot, page source and trace), then
/// clean as the retry; the messages of both passes are written as ./e2e run writes them and every envelope is validated;
/// the HTML report made from them is opened in Chromium.
/// </summary>
[NonParallelizable] // two feature runs with their sandbox and Chromium: enough for the machine's two cores
public sealed class CucumberMessagesSchemaTests
{
    private static readonly string Tool = RepositoryLayout.Path("tools", "cucumber-messages");
    private readonly List<string> _runDirs = [];
    private string _outDir = "";

    [SetUp]
    public void RequireTheValidator()
    {
        if (!File.Exists(Path.Combine(Tool, "node_modules", "@cucumber", "messages", "messages.schema.json")))
        {
            Assert.Fail("tools/cucumber-messages is not installed: ./e2e install (or npm ci in tools/cucumber-messages)");
        }

        _outDir = Directory.CreateTempSubdirectory("kyce2e-cucumber-run-").FullName;
    }

    [TearDown]
    public void RemoveRuns()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Passed)
        {
            foreach (var dir in _runDirs.Where(Directory.Exists))
            {
                Directory.Delete(dir, recursive: true); // the retry's folder is inside the run's: gone with it
            }

            Directory.Delete(_outDir, recursive: true);
        }
    }

    [Test]
    public async Task A_real_runs_messages_with_a_failure_and_its_retry_are_valid_against_the_official_schema()
    {
        var runId = $"it-cucumber-{Guid.NewGuid():N}"[..20];
        await RunFeaturesAsync(runId, attempt: 1, defects: "web-retry-button-missing");
        await RunFeaturesAsync($"{runId}/retry-1", attempt: 2, defects: "");

        CucumberReports.Write(_outDir, _runDirs);

        var messages = Path.Combine(_outDir, CucumberReports.MessagesFile);
        var (code, output) = await ValidateAsync(messages);
        output.Should().MatchRegex(@"^valid: \d+ envelopes against @cucumber/messages 34\.2\.1\s*$");
        code.Should().Be(0);

        // What the schema cannot say: the failure, its evidence and the retry are in the file.
        var lines = File.ReadAllLines(messages).Select(l => JsonNode.Parse(l)!).ToList();
        lines.Where(e => e["testCaseFinished"] is not null).Select(e => e["testCaseFinished"]!["willBeRetried"]!.GetValue<bool>()).Should().Equal(true, false);
        lines.Where(e => e["testStepFinished"] is not null).Count(e => e["testStepFinished"]!["testStepResult"]!["status"]!.GetValue<string>() == "FAILED").Should().Be(1);
        lines.Where(e => e["attachment"] is not null).Select(e => e["attachment"]!["mediaType"]!.GetValue<string>()).Should().Contain(["image/png", "text/html", "text/uri-list"]);
        lines.Where(e => e["pickle"] is not null).Select(e => e["pickle"]!["uri"]!.GetValue<string>()).Should().Equal("features/retry/finding-retry.feature");
        lines[^1]["testRunFinished"]!["success"]!.GetValue<bool>().Should().BeTrue("the retry passed");

        // And the check itself fails on an envelope the schema refuses: a step result without its status.
        var broken = Path.Combine(_outDir, "broken.ndjson");
        var brokenLine = lines.FindIndex(e => e["testStepFinished"] is not null);
        lines[brokenLine]["testStepFinished"]!["testStepResult"]!.AsObject().Remove("status");
        await File.WriteAllLinesAsync(broken, lines.Select(l => l.ToJsonString()));
        var (brokenCode, brokenOutput) = await ValidateAsync(broken);
        brokenCode.Should().Be(1);
        brokenOutput.Should().Contain($"line {brokenLine + 1}: testStepFinished: /testStepFinished/testStepResult must have required property 'status'");
    }

    [Test]
    public async Task The_html_report_of_a_real_failed_run_shows_the_screenshot_and_its_search_narrows_by_tag()
    {
        var runId = $"it-cucumber-{Guid.NewGuid():N}"[..20];
        await RunFeaturesAsync(runId, attempt: 1, defects: "web-retry-button-missing");
        CucumberReports.Write(_outDir, _runDirs);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArguments.All });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(Path.Combine(_outDir, CucumberReports.HtmlFile)).AbsoluteUri);
        var feature = page.GetByText("features/retry/finding-retry.feature", new() { Exact = true });
        await Assertions.Expect(feature).ToHaveCountAsync(1);

        // The failed step's screenshot, inline once its attachment is opened.
        var screenshot = page.Locator("details", new() { Has = page.Locator("summary", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^screenshot\\.png$") }) });
        await Assertions.Expect(screenshot).ToHaveCountAsync(1);
        await screenshot.Locator("summary").ClickAsync();
        await Assertions.Expect(screenshot.Locator("img[src^='data:image/png;base64,']")).ToBeVisibleAsync();

        var search = page.GetByPlaceholder("Search with text or @tags");
        await search.FillAsync("@mobile");
        await search.PressAsync("Enter");
        await Assertions.Expect(feature).ToHaveCountAsync(0);
        await search.FillAsync("@web and @smoke");
        await search.PressAsync("Enter");
        await Assertions.Expect(feature).ToHaveCountAsync(1);
    }

    private async Task RunFeaturesAsync(string runId, int attempt, string defects)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryLayout.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
        {
            "test", "tests/KycE2E.Specs", "-c", configuration, "--no-build", "--nologo", "--settings", "runsettings/ci.runsettings",
            "--filter", "Category=retry-entry&Category=web", "--results-directory", Path.Combine(_outDir, "test-results"),
        })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["KYCE2E_Run__Id"] = runId;
        start.Environment["KYCE2E_Run__Attempt"] = attempt.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["KYCE2E_Run__Warmup"] = "web";
        start.Environment["SANDBOX_DEFECTS"] = defects;
        using var run = Process.Start(start)!;
        var output = run.StandardOutput.ReadToEndAsync();
        var errors = run.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await run.WaitForExitAsync(timeout.Token);
        var runDir = RepositoryLayout.Path("artifacts", runId);
        _runDirs.Add(runDir);
        ScenarioRecord.ReadAll(runDir).Should().ContainSingle($"the run wrote one record (dotnet test said:\n{await output}\n{await errors})")
            .Which.Outcome.Should().Be(defects.Length > 0 ? Outcome.Failed : Outcome.Passed);
    }

    private static async Task<(int Code, string Output)> ValidateAsync(string file)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = RepositoryLayout.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Tool, "validate.mjs"));
        start.ArgumentList.Add(file);
        using var node = Process.Start(start)!;
        var output = await node.StandardOutput.ReadToEndAsync();
        var errors = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        return (node.ExitCode, output + errors);
    }
}

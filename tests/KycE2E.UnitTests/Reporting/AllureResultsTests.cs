using System.Text.Json;
using System.Text.RegularExpressions;
using KycE2E.Reporting;
using KycE2E.Reporting.Allure;

namespace KycE2E.UnitTests.Reporting;

public sealed class AllureResultsTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);
    private static readonly AllureExecutor Local = new("local (box)", "local", null, null, "run-1", null, "KycE2E");
    private readonly TempFolders _folders = new("kyce2e-allure-");

    [TearDown]
    public void RemoveFolders() => _folders.RemoveAll();

    private string Folder() => _folders.New();

    private static ScenarioRecord Record(string id, string platform, Outcome outcome, int attempt, string? error = null, IReadOnlyList<string>? artifacts = null, string? stepShot = null) => new(
        id, "Retrying", "blurry photo", platform, ["regression", platform], outcome, Start, 2.5,
        [
            new StepRecord("Given", "a user whose photo was blurry", Outcome.Passed, 1.0, null, null),
            new StepRecord("When", "she retries", outcome, 1.25, error, stepShot),
        ],
        error, null, artifacts ?? [], attempt, "box", "NUnit.Fw.ParallelWorker#2");

    private static JsonElement Read(string folder, string uuid) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, $"{uuid}-result.json"))).RootElement;

    [Test]
    public void A_scenario_that_failed_then_passed_on_a_retry_is_two_results_of_one_history_both_flaky()
    {
        var run = Folder();
        var retry = Path.Combine(run, "retry-1");
        var evidence = Path.Combine(run, "retrying", "blurry-photo-web");
        Directory.CreateDirectory(evidence);
        File.WriteAllBytes(Path.Combine(evidence, "screenshot.png"), [0x89, 0x50, 0x4e, 0x47]);
        File.WriteAllText(Path.Combine(evidence, "page.html"), "<html>retry form</html>");
        File.WriteAllText(Path.Combine(evidence, "trace.zip"), "zip");
        Record("0123456789abcdef0123456789abcdef", "web", Outcome.Failed, 1,
            "System.TimeoutException: Timeout 10000ms exceeded.\nCall log:\n   at KycE2E.Retry()",
            [Path.Combine(evidence, "screenshot.png"), Path.Combine(evidence, "page.html"), Path.Combine(evidence, "trace.zip")]).Write(run);
        Record("fedcba9876543210fedcba9876543210", "web", Outcome.Passed, 2).Write(retry);

        var folder = AllureResults.Write(run, [run, retry], Local);

        var failed = Read(folder, "01234567-89ab-cdef-0123-456789abcdef");
        var passed = Read(folder, "fedcba98-7654-3210-fedc-ba9876543210");
        failed.GetProperty("historyId").GetString().Should().Be("29bf650c13bdb6701f990a00d0bac820");
        passed.GetProperty("historyId").GetString().Should().Be("29bf650c13bdb6701f990a00d0bac820", "a retry groups with its first attempt");
        passed.GetProperty("testCaseId").GetString().Should().Be("e546c96dba745e8977785394bcdf5f98");
        passed.GetProperty("name").GetString().Should().Be("blurry photo");
        passed.GetProperty("fullName").GetString().Should().Be("Retrying / blurry photo [web]");
        failed.GetProperty("status").GetString().Should().Be("failed");
        passed.GetProperty("status").GetString().Should().Be("passed");
        failed.GetProperty("statusDetails").GetProperty("message").GetString().Should().Be("System.TimeoutException: Timeout 10000ms exceeded.\nCall log:");
        failed.GetProperty("statusDetails").GetProperty("trace").GetString().Should().EndWith("   at KycE2E.Retry()");
        passed.GetProperty("statusDetails").GetProperty("flaky").GetBoolean().Should().BeTrue();
        failed.GetProperty("statusDetails").GetProperty("flaky").GetBoolean().Should().BeTrue();
        failed.GetProperty("start").GetInt64().Should().Be(1796104800000);
        failed.GetProperty("stop").GetInt64().Should().Be(1796104802500);
        failed.GetProperty("parameters").EnumerateArray().Select(p => $"{p.GetProperty("name").GetString()}={p.GetProperty("value").GetString()}").Should().Equal("platform=web");
        failed.GetProperty("labels").EnumerateArray().Select(l => $"{l.GetProperty("name").GetString()}={l.GetProperty("value").GetString()}").Should().Equal(
            "parentSuite=web", "suite=Retrying", "feature=Retrying", "story=blurry photo", "host=box", "thread=ParallelWorker#2",
            "framework=SpecFlow", "language=C#", "tag=regression", "tag=web");

        var steps = failed.GetProperty("steps").EnumerateArray().ToList();
        steps.Select(s => $"{s.GetProperty("name").GetString()} {s.GetProperty("status").GetString()} {s.GetProperty("start").GetInt64() - 1796104800000}-{s.GetProperty("stop").GetInt64() - 1796104800000}")
            .Should().Equal("Given a user whose photo was blurry passed 0-1000", "When she retries failed 1000-2250");
        steps[1].GetProperty("statusDetails").GetProperty("message").GetString().Should().Be("System.TimeoutException: Timeout 10000ms exceeded.\nCall log:");

        var attachments = failed.GetProperty("attachments").EnumerateArray()
            .Select(a => (Name: a.GetProperty("name").GetString(), Source: a.GetProperty("source").GetString()!, Type: a.GetProperty("type").GetString())).ToList();
        attachments.Select(a => $"{a.Name} | {a.Source} | {a.Type}").Should().Equal(
            "screenshot.png | 01234567-89ab-cdef-0123-456789abcdef-1-attachment.png | image/png",
            "page.html | 01234567-89ab-cdef-0123-456789abcdef-2-attachment.html | text/html",
            "trace.zip (open with ./e2e show-trace) | 01234567-89ab-cdef-0123-456789abcdef-3-attachment.uri | text/uri-list");
        File.ReadAllBytes(Path.Combine(folder, attachments[0].Source)).Should().Equal(0x89, 0x50, 0x4e, 0x47);
        File.ReadAllText(Path.Combine(folder, attachments[1].Source)).Should().Be("<html>retry form</html>");
        File.ReadAllText(Path.Combine(folder, attachments[2].Source)).Should().Be("../retrying/blurry-photo-web/trace.zip\n", "the trace stays in the run folder; the report links it");
        failed.GetProperty("links")[0].GetProperty("url").GetString().Should().Be("../retrying/blurry-photo-web/trace.zip");
        failed.GetProperty("links")[0].GetProperty("name").GetString().Should().Be("Playwright trace (trace.zip; ./e2e show-trace opens it)");
        Directory.EnumerateFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).Should().Equal(
            "01234567-89ab-cdef-0123-456789abcdef-1-attachment.png",
            "01234567-89ab-cdef-0123-456789abcdef-2-attachment.html",
            "01234567-89ab-cdef-0123-456789abcdef-3-attachment.uri",
            "01234567-89ab-cdef-0123-456789abcdef-result.json",
            "categories.json",
            "environment.properties",
            "executor.json",
            "fedcba98-7654-3210-fedc-ba9876543210-result.json");
    }

    [Test]
    public void The_same_scenario_on_the_other_platform_has_its_own_history_and_a_passing_one_is_not_flaky()
    {
        var run = Folder();
        Record("0123456789abcdef0123456789abcdef", "mobile", Outcome.Passed, 1).Write(run);

        var result = Read(AllureResults.Write(run, [run], Local), "01234567-89ab-cdef-0123-456789abcdef");

        result.GetProperty("historyId").GetString().Should().Be("4a62dcedb9c81f142a0082ed8654bb78");
        result.GetProperty("testCaseId").GetString().Should().Be("e546c96dba745e8977785394bcdf5f98", "one test case, two platforms as its parameter");
        result.TryGetProperty("statusDetails", out _).Should().BeFalse();
    }

    [Test]
    public void A_skipped_scenario_is_skipped_in_allure_with_its_reason_never_passed()
    {
        var run = Folder();
        const string reason = "needs the clock moved ('clock'), which this environment lacks (Environment:Lacks)";
        (Record("0123456789abcdef0123456789abcdef", "web", Outcome.Skipped, 1, error: null) with { SkipReason = reason }).Write(run);

        var result = Read(AllureResults.Write(run, [run], Local), "01234567-89ab-cdef-0123-456789abcdef");

        result.GetProperty("status").GetString().Should().Be("skipped");
        result.GetProperty("statusDetails").GetProperty("message").GetString().Should().Be(reason);
        result.GetProperty("statusDetails").TryGetProperty("trace", out _).Should().BeFalse();
        result.GetProperty("steps")[1].GetProperty("status").GetString().Should().Be("skipped");
    }

    [Test]
    public void A_step_screenshot_is_attached_to_its_step()
    {
        var run = Folder();
        var shot = Path.Combine(run, "shots", "02-she-retries.png");
        Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
        File.WriteAllBytes(shot, [1, 2, 3]);
        Record("0123456789abcdef0123456789abcdef", "web", Outcome.Passed, 1, artifacts: [shot], stepShot: shot).Write(run);

        var result = Read(AllureResults.Write(run, [run], Local), "01234567-89ab-cdef-0123-456789abcdef");
        var step = result.GetProperty("steps")[1];

        result.GetProperty("attachments").GetArrayLength().Should().Be(0, "the scenario's copy of the step's screenshot is not attached twice");
        step.GetProperty("attachments")[0].GetProperty("source").GetString().Should().Be("01234567-89ab-cdef-0123-456789abcdef-1-attachment.png");
        step.GetProperty("attachments")[0].GetProperty("type").GetString().Should().Be("image/png");
    }

    [Test]
    public void A_result_folder_copied_from_another_machine_finds_its_evidence_under_itself()
    {
        var shard = Folder();
        var evidence = Path.Combine(shard, "retrying", "blurry-photo-web", "screenshot.png");
        Directory.CreateDirectory(Path.GetDirectoryName(evidence)!);
        File.WriteAllBytes(evidence, [1]);

        AllureResults.Locate(shard, "/home/runner/work/kyc/artifacts/123-web-1/retrying/blurry-photo-web/screenshot.png").Should().Be(evidence);
        AllureResults.Locate(shard, "/home/runner/work/kyc/artifacts/123-web-1/retrying/blurry-photo-web/page.html").Should().BeNull();
    }

    [Test]
    public void A_record_written_before_host_and_worker_were_kept_still_reads_and_lands_on_an_unknown_host()
    {
        var run = Folder();
        Directory.CreateDirectory(ScenarioRecord.Folder(run));
        File.WriteAllText(Path.Combine(ScenarioRecord.Folder(run), "old.json"), """
            {"id":"0123456789abcdef0123456789abcdef","feature":"Retrying","scenario":"blurry photo","platform":"web","tags":["web"],
             "outcome":"passed","startedAt":"2026-11-27T00:00:00+00:00","seconds":1.5,"steps":[],"artifacts":[],"attempt":1}
            """);

        var record = ScenarioRecord.ReadAll(run).Should().ContainSingle().Subject;
        record.Host.Should().BeNull();
        record.Worker.Should().BeNull();
        var labels = Read(AllureResults.Write(run, [run], Local), "01234567-89ab-cdef-0123-456789abcdef").GetProperty("labels").EnumerateArray()
            .Where(l => l.GetProperty("name").GetString() is "host" or "thread").Select(l => l.GetProperty("value").GetString());
        labels.Should().Equal("unknown", "worker");
    }

    [TestCase("Environment unreachable: the run's sandbox exited during this scenario (see /a/sandbox.log)\nnet::ERR_CONNECTION_REFUSED", "broken",
        "Environment unreachable (the sandbox, Appium or a remote browser did not answer)")]
    [TestCase("KycE2E.Automation.Environment.EnvironmentSetupException: Appium server unreachable at http://127.0.0.1:4723/: /status answered 500.", "broken",
        "Environment unreachable (the sandbox, Appium or a remote browser did not answer)")]
    [TestCase("Microsoft.Playwright.PlaywrightException: Locator expected to be visible\nError: element(s) not found", "failed",
        "Product defects: an element the user needs did not appear")]
    [TestCase("System.TimeoutException: Timeout 10000ms exceeded.", "failed", "Product defects: an element the user needs did not appear")]
    [TestCase("NUnit.Framework.AssertionException: Expected text to be \"已批准\", but \"审核中\" differs.", "failed",
        "Product defects: the user was shown something else (an assertion failed)")]
    [TestCase("System.NullReferenceException: Object reference not set to an instance of an object.", "failed", null)]
    public void A_failure_gets_its_status_and_the_first_category_whose_pattern_matches_as_allure_3_matches(string error, string status, string? category)
    {
        AllureResults.Status(Outcome.Failed, error).Should().Be(status);
        // Allure 3 searches the message with the pattern (JavaScript RegExp.test); Allure 2 matches it whole: [\s\S]* on each side serves both.
        var message = AllureResults.Message(error);
        AllureCategories.All.FirstOrDefault(c => c.MatchedStatuses.Contains(status) && c.MessageRegex is { } p && Regex.IsMatch(message, $"^(?:{p})$"))?.Name
            .Should().Be(category);
    }

    [Test]
    public void The_categories_file_is_what_allure_reads()
    {
        var run = Folder();
        var json = File.ReadAllText(Path.Combine(AllureResults.Write(run, [run], Local), "categories.json"));

        var flaky = JsonDocument.Parse(json).RootElement[3];
        flaky.GetProperty("matchedStatuses").EnumerateArray().Select(e => e.GetString()).Should().Equal("passed");
        flaky.GetProperty("flaky").GetBoolean().Should().BeTrue();
        flaky.TryGetProperty("messageRegex", out _).Should().BeFalse();
        JsonDocument.Parse(json).RootElement[0].GetProperty("messageRegex").GetString().Should().Be(
            @"[\s\S]*(Environment unreachable|Appium server unreachable|Remote browser unreachable|EnvironmentSetupException)[\s\S]*");
        JsonDocument.Parse(json).RootElement.EnumerateArray().Select(c => c.GetProperty("name").GetString()).Should().Equal(
            "Environment unreachable (the sandbox, Appium or a remote browser did not answer)",
            "Product defects: an element the user needs did not appear",
            "Product defects: the user was shown something else (an assertion failed)",
            "Flaky: failed, then passed on a retry");
    }

    [Test]
    public void The_environment_is_java_properties_escaped_as_allure_parses_them()
    {
        AllureResults.Properties(new Dictionary<string, string>
        {
            ["start-up"] = "sandbox ready 1.3 s, first browser 1.6 s",
            ["target"] = "http://127.0.0.1:36793/",
            ["random data seed"] = "856111260",
            ["device"] = "Pixel 7 = phone #1",
        }).Should().Be(
            "device=Pixel 7 \\= phone \\#1\n"
            + "random\\ data\\ seed=856111260\n"
            + "start-up=sandbox ready 1.3 s, first browser 1.6 s\n"
            + "target=http\\://127.0.0.1\\:36793/\n");
    }

    [Test]
    public void The_executor_names_the_github_job_and_its_page_or_else_this_machine()
    {
        var github = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_SERVER_URL"] = "https://github.com",
            ["GITHUB_REPOSITORY"] = "acme/kyce2e",
            ["GITHUB_RUN_ID"] = "987654",
            ["GITHUB_RUN_NUMBER"] = "42",
            ["GITHUB_WORKFLOW"] = "e2e",
        };

        AllureExecutor.From(n => github.GetValueOrDefault(n), "merged").Should().Be(new AllureExecutor(
            "GitHub Actions", "github", "https://github.com/acme/kyce2e", 42, "e2e #42", "https://github.com/acme/kyce2e/actions/runs/987654", "KycE2E"));
        AllureExecutor.From(n => n == "CI" ? "true" : n == "BUILD_URL" ? "https://ci.example/job/7" : null, "run-1").Should().Be(new AllureExecutor(
            "CI", "ci", null, null, "run-1", "https://ci.example/job/7", "KycE2E"));
        AllureExecutor.From(_ => null, "20261201-060000").Should().Be(new AllureExecutor(
            $"local ({Environment.MachineName})", "local", null, null, "20261201-060000", null, "KycE2E"));
    }
}

using System.Text.Json.Nodes;
using Io.Cucumber.Messages.Types;
using KycE2E.Automation.Processes;
using KycE2E.Reporting;
using KycE2E.Reporting.Cucumber;

namespace KycE2E.UnitTests.Reporting;

/// <summary>Scenario records → Cucumber Messages, the HTML report and Cucumber JSON, with the exact values a reader or Jira acts on.</summary>
public sealed class CucumberReportTests
{
    private const string English = """
        @retry-entry @smoke
        Feature: Finding the way back
          Scenario Outline: A rejected user reaches the retry form
            Given a user whose verification failed because <reason>
            When she logs in
            Then she is offered to retry

            @web
            Examples: on the website
              | reason               |
              | the photo was blurry |

            @mobile
            Examples: on the phone app
              | reason               |
              | the photo was blurry |
        """;

    private const string Chinese = """
        # language: zh-CN
        @zh-CN
        功能: 身份认证失败后如何重试
          场景大纲: 用户重新上传清晰照片后通过认证
            假如 用户的身份认证因照片模糊而失败
            当 她登录
            那么 她看到认证状态为"已认证"

            @web
            例子: 网页端
              | 平台 |
              | 网页 |
        """;

    private static readonly (string Uri, string Text)[] Features = [("features/retry/finding.feature", English), ("features/retry/zh.feature", Chinese)];
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);
    private static readonly string[] EnglishSteps = ["a user whose verification failed because the photo was blurry", "she logs in", "she is offered to retry"];

    private string _dir = "";

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("kyce2e-cucumber-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private static ScenarioRecord Record(string platform, Outcome outcome, int attempt = 1, DateTimeOffset? at = null, int failedStep = -1, string? screenshot = null, IReadOnlyList<string>? artifacts = null) =>
        new(Guid.NewGuid().ToString("N"), "Finding the way back", "A rejected user reaches the retry form (the photo was blurry)", platform,
            [platform, "retry-entry", "smoke"], outcome, at ?? T0, 10.0,
            [.. EnglishSteps.Take(failedStep < 0 ? 3 : failedStep + 1).Select((text, i) => new StepRecord(i == 0 ? "Given" : i == 1 ? "When" : "Then", text,
                i == failedStep ? Outcome.Failed : Outcome.Passed, 1.5, i == failedStep ? "Locator expected to be visible\nCall log:\n  - waiting for GetByTestId(\"retry-button\")" : null, i == failedStep ? screenshot : null))],
            failedStep < 0 ? null : "Microsoft.Playwright.PlaywrightException: Locator expected to be visible\nCall log:\n  - waiting for GetByTestId(\"retry-button\")\n   at KycE2E.Automation.Web.WebVerificationJourney.ExpectRetryOfferedAsync()\n--- End of stack trace from previous location ---\n   at TechTalk.SpecFlow.Bindings.AsyncHelpers.RunSync()",
            null, artifacts ?? [], attempt);

    private IReadOnlyList<Envelope> Build(params ScenarioRecord[] records) => CucumberMessages.Build(records, Features, _dir);

    private static List<T> All<T>(IEnumerable<Envelope> envelopes, Func<Envelope, T?> pick)
        where T : class => [.. envelopes.Select(pick).OfType<T>()];

    [Test]
    public void A_passed_scenario_is_its_pickles_test_case_with_each_step_passed_and_timed()
    {
        var envelopes = Build(Record("web", Outcome.Passed));

        var pickle = All(envelopes, e => e.Pickle).Should().ContainSingle().Subject;
        pickle.Name.Should().Be("A rejected user reaches the retry form");
        pickle.Uri.Should().Be("features/retry/finding.feature");
        pickle.Tags.Select(t => t.Name).Should().Equal("@retry-entry", "@smoke", "@web");
        pickle.Steps.Select(s => s.Text).Should().Equal(EnglishSteps);
        All(envelopes, e => e.Source).Select(s => s.Uri).Should().Equal("features/retry/finding.feature");

        var finished = All(envelopes, e => e.TestStepFinished);
        finished.Select(f => f.TestStepResult.Status).Should().Equal(TestStepResultStatus.PASSED, TestStepResultStatus.PASSED, TestStepResultStatus.PASSED);
        finished[0].TestStepResult.Duration.Should().BeEquivalentTo(new Duration(1, 500_000_000));
        All(envelopes, e => e.TestCaseStarted).Single().Timestamp.Should().BeEquivalentTo(new Timestamp(1796104800, 0));
        All(envelopes, e => e.TestCaseFinished).Single().Should().BeEquivalentTo(new { WillBeRetried = false, Timestamp = new Timestamp(1796104810, 0) });
        envelopes[0].Meta.Should().NotBeNull();
        envelopes[^1].TestRunFinished!.Success.Should().BeTrue();
        MessageJson.Serialize(envelopes[^1]).Should().Be("""{"testRunFinished":{"success":true,"timestamp":{"seconds":1796104810,"nanos":0},"testRunStartedId":"""
            + $"\"{All(envelopes, e => e.TestRunStarted).Single().Id}\"}}}}");
    }

    [Test]
    public void A_failed_scenario_shows_its_failed_step_with_the_error_and_screenshot_and_skips_the_rest()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "finding", "case-web")).FullName;
        var shot = Path.Combine(folder, "step-02.png");
        File.WriteAllBytes(shot, [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);
        var page = Path.Combine(folder, "page.html");
        File.WriteAllText(page, "<html><body>Verification failed</body></html>");
        var trace = Path.Combine(folder, "trace.zip");
        File.WriteAllBytes(trace, [0x50, 0x4B]);

        var envelopes = Build(Record("web", Outcome.Failed, failedStep: 1, screenshot: shot, artifacts: [shot, page, trace]));

        var steps = All(envelopes, e => e.TestCase).Single().TestSteps;
        var results = All(envelopes, e => e.TestStepFinished);
        results.Select(r => r.TestStepResult.Status).Should().Equal(TestStepResultStatus.PASSED, TestStepResultStatus.FAILED, TestStepResultStatus.SKIPPED);
        results[1].TestStepResult.Exception.Should().BeEquivalentTo(new
        {
            Type = "Microsoft.Playwright.PlaywrightException",
            Message = "Locator expected to be visible\nCall log:\n  - waiting for GetByTestId(\"retry-button\")",
            StackTrace = "   at KycE2E.Automation.Web.WebVerificationJourney.ExpectRetryOfferedAsync()",
        });
        var attachments = All(envelopes, e => e.Attachment);
        attachments.Should().AllSatisfy(a => a.TestStepId.Should().Be(steps[1].Id));
        attachments.Select(a => (a.FileName, a.MediaType, a.ContentEncoding, a.Body)).Should().Equal(
            ("step-02.png", "image/png", AttachmentContentEncoding.BASE64, "iVBORwECAw=="),
            ("page.html", "text/html", AttachmentContentEncoding.IDENTITY, "<html><body>Verification failed</body></html>"),
            ("trace.zip", "text/uri-list", AttachmentContentEncoding.IDENTITY, "finding/case-web/trace.zip"));
        envelopes[^1].TestRunFinished!.Success.Should().BeFalse();

        var json = CucumberJson.From(envelopes);
        var element = json[0]!["elements"]![0]!;
        element["name"]!.GetValue<string>().Should().Be("A rejected user reaches the retry form (the photo was blurry)", "web and mobile are two tests in Jira, named as in JUnit");
        element["id"]!.GetValue<string>().Should().Be("finding-the-way-back;a-rejected-user-reaches-the-retry-form;on-the-website;2");
        element["line"]!.GetValue<long>().Should().Be(11, "an example row's scenario sits on its row");
        element["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).Should().Equal("@retry-entry", "@smoke", "@web");
        var failed = element["steps"]![1]!;
        failed["keyword"]!.GetValue<string>().Should().Be("When ");
        failed["result"]!.ToJsonString().Should().StartWith("""{"status":"failed","duration":1500000000,"error_message":"Microsoft.Playwright.PlaywrightException: Locator expected""");
        failed["embeddings"]![0]!.ToJsonString().Should().Be("""{"data":"iVBORwECAw==","mime_type":"image/png","name":"step-02.png"}""");
        element["steps"]![2]!["result"]!.ToJsonString().Should().Be("""{"status":"skipped","duration":0}""");
    }

    [Test]
    public void A_retried_scenario_is_one_test_case_with_two_attempts_the_first_to_be_retried()
    {
        var envelopes = Build(Record("web", Outcome.Failed, attempt: 1, failedStep: 2), Record("web", Outcome.Passed, attempt: 2, at: T0.AddMinutes(2)));

        var testCase = All(envelopes, e => e.TestCase).Should().ContainSingle().Subject;
        var started = All(envelopes, e => e.TestCaseStarted);
        started.Select(s => (s.Attempt, s.TestCaseId)).Should().Equal((0L, testCase.Id), (1L, testCase.Id));
        All(envelopes, e => e.TestCaseFinished).Select(f => (f.TestCaseStartedId, f.WillBeRetried)).Should().Equal((started[0].Id, true), (started[1].Id, false));
        envelopes[^1].TestRunFinished!.Success.Should().BeTrue("the retry passed");

        var element = CucumberJson.From(envelopes)[0]!["elements"]!.AsArray().Should().ContainSingle("Jira gets the last attempt only").Subject!;
        element["steps"]!.AsArray().Select(s => s!["result"]!["status"]!.GetValue<string>()).Should().Equal("passed", "passed", "passed");
    }

    [Test]
    public void A_zh_CN_feature_is_parsed_in_its_language_and_its_record_matched()
    {
        var record = new ScenarioRecord("z", "身份认证失败后如何重试", "用户重新上传清晰照片后通过认证 (网页)", "web", ["web", "zh-CN"], Outcome.Passed, T0, 3,
            [new("Given", "用户的身份认证因照片模糊而失败", Outcome.Passed, 1, null, null), new("When", "她登录", Outcome.Passed, 1, null, null), new("Then", "她看到认证状态为\"已认证\"", Outcome.Passed, 1, null, null)],
            null, null, [], 1);

        var envelopes = Build(record);

        var pickle = All(envelopes, e => e.Pickle).Single();
        pickle.Should().BeEquivalentTo(new { Language = "zh-CN", Uri = "features/retry/zh.feature", Name = "用户重新上传清晰照片后通过认证" });
        pickle.Tags.Select(t => t.Name).Should().Equal("@zh-CN", "@web");
        var feature = CucumberJson.From(envelopes)[0]!;
        feature["keyword"]!.GetValue<string>().Should().Be("功能");
        feature["elements"]![0]!["steps"]!.AsArray().Select(s => s!["keyword"]!.GetValue<string>()).Should().Equal("假如", "当", "那么");
        MessageJson.Serialize(Envelope.Create(pickle)).Should().Contain("\"name\":\"用户重新上传清晰照片后通过认证\"", "Chinese stays readable in the NDJSON");
    }

    [Test]
    public void A_record_that_matches_no_pickle_is_reported_under_an_unmatched_feature_written_from_it()
    {
        var gone = new ScenarioRecord("g", "Retired feature", "A scenario since removed (web)", "web", ["web", "smoke"], Outcome.Failed, T0, 4,
            [new("Given", "a user", Outcome.Passed, 1, null, null), new("When", "she does | something # odd\nover two lines", Outcome.Failed, 2, "boom", null)],
            "System.InvalidOperationException: boom", null, [], 1);
        var edited = Record("mobile", Outcome.Passed) with { Steps = [new("Given", "a step the feature no longer has", Outcome.Passed, 1, null, null)] };

        var envelopes = Build(gone, edited);

        All(envelopes, e => e.ParseError).Should().BeEmpty();
        All(envelopes, e => e.Source).Select(s => s.Uri).Should().Equal("unmatched/retired-feature.feature", "unmatched/finding-the-way-back.feature");
        var pickles = All(envelopes, e => e.Pickle);
        pickles.Select(p => (p.Name, string.Join(' ', p.Tags.Select(t => t.Name)))).Should().Equal(
            ("A scenario since removed (web)", "@unmatched @web @smoke"),
            ("A rejected user reaches the retry form (the photo was blurry)", "@unmatched @mobile @retry-entry @smoke"));
        pickles[0].Steps.Select(s => s.Text).Should().Equal("a user", "she does | something # odd over two lines");
        All(envelopes, e => e.TestStepFinished).Select(f => f.TestStepResult.Status).Should().Equal(TestStepResultStatus.PASSED, TestStepResultStatus.FAILED, TestStepResultStatus.PASSED);
        All(envelopes, e => e.TestCase).Should().HaveCount(2, "every record is reported");
    }

    [Test]
    public void The_three_files_are_written_and_the_messages_read_back_as_written()
    {
        var envelopes = Build(Record("web", Outcome.Passed), Record("mobile", Outcome.Failed, failedStep: 0));

        CucumberReports.WriteAll(_dir, envelopes, "KycE2E test run");

        var lines = File.ReadAllLines(Path.Combine(_dir, CucumberReports.MessagesFile));
        lines.Should().HaveCount(envelopes.Count);
        lines.Select(l => MessageJson.Serialize(MessageJson.Deserialize(l))).Should().Equal(lines);
        lines.Should().Contain(l => l.Contains("\"status\":\"FAILED\"", StringComparison.Ordinal)).And.Contain(l => l.StartsWith("{\"source\":{\"uri\":\"features/retry/finding.feature\"", StringComparison.Ordinal) && l.Contains("\"mediaType\":\"text/x.cucumber.gherkin+plain\"", StringComparison.Ordinal));
        var html = File.ReadAllText(Path.Combine(_dir, CucumberReports.HtmlFile));
        html.Should().Contain("<title>KycE2E test run</title>").And.Contain("A rejected user reaches the retry form");
        JsonNode.Parse(File.ReadAllText(Path.Combine(_dir, CucumberReports.JsonFile)))![0]!["elements"]!.AsArray().Select(e => e!["tags"]![2]!["name"]!.GetValue<string>())
            .Should().Equal("@web", "@mobile");
    }

    [Test]
    public void Every_feature_of_the_suite_parses_and_each_pickle_runs_on_exactly_one_platform()
    {
        var ids = new Gherkin.CucumberMessages.IncrementingIdGenerator();
        var parsed = FeatureFiles.Read(RepositoryLayout.Path("features")).Select(f => FeatureFiles.Parse(f.Uri, f.Text, ids)).ToList();

        parsed.Should().HaveCountGreaterThan(10).And.AllSatisfy(f => f.Errors.Should().BeEmpty());
        parsed.SelectMany(f => f.Pickles).Should().AllSatisfy(p => p.Tags.Count(t => t.Name is "@web" or "@mobile").Should().Be(1, p.Name));
        parsed.Single(f => f.Source.Uri == "features/retry/retry-zh-CN.feature").Pickles.Select(p => p.Language).Should().Equal("zh-CN", "zh-CN");
    }
}

using KycE2E.Automation.Identity;
using System.Diagnostics;
using BoDi;
using KycE2E.Automation.Artifacts;
using KycE2E.Automation.Reporting;
using KycE2E.Automation.Journeys;
using KycE2E.Automation.Mobile;
using KycE2E.Automation.TestData;
using KycE2E.Automation.Web;
using NUnit.Framework;
using TechTalk.SpecFlow;

namespace KycE2E.Specs.Support;

/// <summary>
/// A scenario's lifetime: the platform from its tags (@web, @mobile), a fresh browser context or a clean app session,
/// and on failure the evidence (screenshot, trace, page source, the sandbox's case) saved and attached.
/// </summary>
[Binding]
public sealed class ScenarioHooks(ScenarioContext scenario, FeatureContext feature, IObjectContainer container, ScenarioUser user)
{
    private readonly Stopwatch _scenarioClock = Stopwatch.StartNew();
    private readonly Stopwatch _stepClock = new();
    private readonly List<StepRecord> _steps = [];
    private readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;
    private WebSession? _web;
    private MobileSession? _mobile;
    private ScenarioArtifacts? _artifacts;
    private Platform _platform;

    [BeforeScenario(Order = 0)]
    public async Task StartSessionAsync()
    {
        var environment = TestRun.Environment;
        environment.EnsureReachable();
        var platform = _platform = PlatformOf(scenario.ScenarioInfo.Tags.Concat(feature.FeatureInfo.Tags));
        _artifacts = new ScenarioArtifacts(environment.RunDir, feature.FeatureInfo.Title, TitleWithExample(), platform.ToString());
        container.RegisterInstanceAs(environment.TestData);
        container.RegisterInstanceAs(new ScenarioLanguage(feature.FeatureInfo.Language.Name));
        container.RegisterInstanceAs(ScenarioSeed.For(environment.Settings.Run.Seed, feature.FeatureInfo.Title, TitleWithExample(), platform.ToString()));

        IVerificationJourney journey;
        if (platform == Platform.Web)
        {
            _web = await WebSession.StartAsync(environment.Browsers, environment.Settings, environment.BaseUrl);
            journey = new WebVerificationJourney(_web.Page);
            container.RegisterInstanceAs(_web.Page);
        }
        else
        {
            _mobile = MobileSession.Start(await environment.AppiumSessionsAsync(), environment.BaseUrl);
            journey = new MobileVerificationJourney(_mobile, environment.Settings.Timeouts.Expect, Path.Combine(_artifacts.Directory, "uploads"));
        }

        container.RegisterInstanceAs(journey);
    }

    [BeforeStep]
    public void StartStepClock() => _stepClock.Restart();

    [AfterStep]
    public async Task RecordStepAsync()
    {
        var step = scenario.StepContext.StepInfo;
        var failed = scenario.TestError is not null;
        var mode = TestRun.Environment.Settings.Run.Screenshots;
        string? shot = null;
        // Set-up steps (Given) show nothing yet; the picture book starts with what the user does.
        if (_artifacts is not null && ((mode == "every-step" && step.StepDefinitionType != TechTalk.SpecFlow.Bindings.StepDefinitionType.Given) || (mode == "on-failure" && failed)))
        {
            shot = _artifacts.PathFor($"step-{_steps.Count + 1:00}.png");
            if (!await TryScreenshotAsync(shot))
            {
                shot = null;
            }
        }

        _steps.Add(new StepRecord(step.StepDefinitionType.ToString(), step.Text, failed ? ScenarioRecord.Failed : ScenarioRecord.Passed,
            _stepClock.Elapsed.TotalSeconds, failed ? Mask(scenario.TestError!.Message) : null, shot));
    }

    [AfterScenario]
    public async Task EndSessionAsync()
    {
        var failed = scenario.TestError is not null;
        try
        {
            if (failed && _artifacts is not null)
            {
                await CaptureAsync(_artifacts);
            }
        }
        finally
        {
            WriteRecord(failed);
            if (_web is not null)
            {
                await _web.EndAsync(failed, _artifacts!);
            }

            _mobile?.End(failed);
            Attach();
        }
    }

    private async Task CaptureAsync(ScenarioArtifacts artifacts)
    {
        if (_web is not null)
        {
            await _web.CaptureFailureAsync(artifacts);
        }

        if (_mobile is not null)
        {
            await _mobile.CaptureFailureAsync(artifacts);
        }

        if (user.Exists)
        {
            try
            {
                await artifacts.SaveAsync("sandbox-case.json", await TestRun.Environment.TestData.GetVerificationJsonAsync(user.Current.UserId));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TestDataApiException)
            {
                await artifacts.SaveAsync("sandbox-case.txt", $"The environment's record of the case could not be read: {e.Message}");
            }
        }
    }

    private void Attach()
    {
        if (_artifacts is null)
        {
            return;
        }

        foreach (var file in _artifacts.Files.Where(File.Exists))
        {
            TestContext.AddTestAttachment(file);
        }

        if (_artifacts.Files.Count > 0)
        {
            TestContext.Progress.WriteLine($"KycE2E: artifacts of '{scenario.ScenarioInfo.Title}' in {_artifacts.Directory}");
        }
    }

    private async Task<bool> TryScreenshotAsync(string path)
    {
        try
        {
            if (_web is not null)
            {
                await _web.Page.ScreenshotAsync(new Microsoft.Playwright.PageScreenshotOptions { Path = path });
            }
            else
            {
                await File.WriteAllBytesAsync(path, _mobile!.Driver.GetScreenshot().AsByteArray);
            }

            return true;
        }
        catch (Exception e) when (e is Microsoft.Playwright.PlaywrightException or OpenQA.Selenium.WebDriverException)
        {
            return false;
        }
    }

    private void WriteRecord(bool failed)
    {
        var environment = TestRun.Environment;
        var outcome = failed ? ScenarioRecord.Failed
            : scenario.ScenarioExecutionStatus == ScenarioExecutionStatus.OK ? ScenarioRecord.Passed : ScenarioRecord.Skipped;
        var seconds = _scenarioClock.Elapsed.TotalSeconds;
        // A scenario running when the run's sandbox died fails with what the browser or HTTP client saw; say why first.
        var unreachable = failed ? environment.UnreachableReason(scenario.TestError!) : null;
        var tags = scenario.ScenarioInfo.Tags.Concat(feature.FeatureInfo.Tags).Distinct(StringComparer.Ordinal).ToList();
        new ScenarioRecord(
            Guid.NewGuid().ToString("N"),
            feature.FeatureInfo.Title,
            TitleWithExample(),
            _platform.ToString().ToLowerInvariant(),
            tags,
            outcome,
            _startedAt,
            seconds,
            _steps,
            failed ? (unreachable is null ? "" : unreachable + "\n") + Mask(scenario.TestError!.ToString()) : null,
            failed ? _artifacts?.Directory : null,
            [.. (_artifacts?.Files ?? []).Where(File.Exists)],
            environment.Settings.Run.Attempt).Write(environment.RunDir);
        TestContext.Progress.WriteLine($"[{_platform.ToString().ToLowerInvariant(),-6}] {outcome,-7} {seconds,5:0.0}s  {feature.FeatureInfo.Title} / {TitleWithExample()}"
            + (unreachable is null ? "" : $"\n         {unreachable}")
            + (failed ? $"\n         artifacts: {_artifacts?.Directory}" : ""));
    }

    private string Mask(string text) =>
        Masking.Text(text, user.Exists ? [user.Current.Password] : []);

    /// <summary>The scenario's title with its example row, so each row of an outline is told apart.</summary>
    private string TitleWithExample()
    {
        var values = scenario.ScenarioInfo.Arguments.Values.Cast<object>().Select(v => v.ToString()).Where(v => !string.IsNullOrEmpty(v)).ToList();
        return values.Count == 0 ? scenario.ScenarioInfo.Title : $"{scenario.ScenarioInfo.Title} ({string.Join(", ", values)})";
    }

    private static Platform PlatformOf(IEnumerable<string> tags)
    {
        var set = tags.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return (set.Contains("web"), set.Contains("mobile")) switch
        {
            (true, false) => Platform.Web,
            (false, true) => Platform.Mobile,
            _ => throw new InvalidOperationException("A scenario runs on exactly one platform: tag it (or its feature or Examples block) @web or @mobile."),
        };
    }
}

/// <summary>The language a scenario's user reads: the language its feature is written in.</summary>
public sealed record ScenarioLanguage(string CultureName)
{
    public string Locale => CultureName.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh-CN" : "en";
}

using BoDi;
using KycE2E.Automation.Artifacts;
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
    private WebSession? _web;
    private MobileSession? _mobile;
    private ScenarioArtifacts? _artifacts;

    [BeforeScenario(Order = 0)]
    public async Task StartSessionAsync()
    {
        var environment = TestRun.Environment;
        var platform = PlatformOf(scenario.ScenarioInfo.Tags.Concat(feature.FeatureInfo.Tags));
        _artifacts = new ScenarioArtifacts(environment.RunDir, feature.FeatureInfo.Title, scenario.ScenarioInfo.Title, platform.ToString());
        container.RegisterInstanceAs(environment.TestData);
        container.RegisterInstanceAs(new ScenarioLanguage(feature.FeatureInfo.Language.Name));

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

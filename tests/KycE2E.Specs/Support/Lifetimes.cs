using BoDi;
using KycE2E.Automation.Artifacts;
using KycE2E.Automation.Configuration;
using KycE2E.Automation.Environment;
using KycE2E.Automation.Identity;
using KycE2E.Automation.Journeys;
using KycE2E.Automation.TestData;
using TechTalk.SpecFlow;

namespace KycE2E.Specs.Support;

/// <summary>
/// Which object lives how long, and where each is made; step and hook classes receive them through their constructors.
/// <list type="bullet">
/// <item><b>Run</b>: <see cref="SuiteSettings"/>, <see cref="TestEnvironment"/> (the sandbox and the Appium server, unless
/// configured elsewhere), its <see cref="TestDataClient"/> and <see cref="AppApiClient"/>. <see cref="TestRun"/> starts and
/// stops them; each scenario's container gets them here.</item>
/// <item><b>Worker</b>: one Chromium (<c>BrowserPool</c>) and one Appium session (<c>AppiumSessionPool</c>) per worker,
/// pooled inside <see cref="TestEnvironment"/> and rented by a scenario's session; never handed to a step.</item>
/// <item><b>Scenario</b>: the platform session (its <see cref="IVerificationActions"/> and
/// <see cref="IVerificationExpectations"/>), <see cref="ScenarioArtifacts"/>, <see cref="ScenarioSeed"/> and
/// <see cref="ScenarioLanguage"/>, made here; <see cref="ScenarioUser"/>, <see cref="ScenarioDocuments"/>,
/// <see cref="RunningScenario"/> and <see cref="RetryActions"/>, made by SpecFlow's scenario container on first use.</item>
/// </list>
/// </summary>
[Binding]
public sealed class Lifetimes(RunningScenario running, FeatureContext feature, IObjectContainer container)
{
    /// <summary>SpecFlow 3.9 runs after-hooks lowest order first: evidence and record below this, attaching the files above it.</summary>
    public const int EndOrder = 100;

    /// <summary>The run's objects into the scenario's container, then the scenario's own: its platform from its tags (@web, @mobile) and its session.</summary>
    [BeforeScenario(Order = 0)]
    public async Task StartScenarioAsync()
    {
        var environment = TestRun.Environment;
        container.RegisterInstanceAs(environment);
        container.RegisterInstanceAs(environment.Settings);
        container.RegisterInstanceAs(environment.TestData);
        container.RegisterInstanceAs(environment.AppApi);
        environment.EnsureReachable();

        var platform = running.Platform = PlatformOf(running.Tags);
        var artifacts = running.Artifacts = new ScenarioArtifacts(environment.RunDir, running.Feature, running.Title, platform.ToString());
        container.RegisterInstanceAs(new ScenarioLanguage(feature.FeatureInfo.Language.Name));
        container.RegisterInstanceAs(ScenarioSeed.For(environment.Settings.Run.Seed, running.Feature, running.Title, platform.ToString()));
        running.Session = await environment.StartSessionAsync(platform, artifacts);
        container.RegisterInstanceAs(running.Session.Actions);
        container.RegisterInstanceAs(running.Session.Expectations);
    }

    /// <summary>The scenario's session ends after its evidence is saved: its engine goes back to the worker's pool, or is discarded.</summary>
    [AfterScenario(Order = EndOrder)]
    public async Task EndSessionAsync()
    {
        if (running.Session is { } session)
        {
            await session.EndAsync(failed: running.Error is not null);
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

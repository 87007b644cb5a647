using BoDi;
using KycE2E.Automation.Artifacts;
using KycE2E.Automation.Identity;
using KycE2E.Automation.Journeys;
using TechTalk.SpecFlow;

namespace KycE2E.Specs.Support;

/// <summary>A scenario's session: the platform from its tags (@web, @mobile), started first and ended after its evidence is saved.</summary>
[Binding]
public sealed class SessionHooks(RunningScenario running, FeatureContext feature, IObjectContainer container)
{
    /// <summary>SpecFlow 3.9 runs after-hooks lowest order first: evidence and record below this, attaching the files above it.</summary>
    public const int EndOrder = 100;

    [BeforeScenario(Order = 0)]
    public async Task StartSessionAsync()
    {
        var environment = TestRun.Environment;
        environment.EnsureReachable();
        var platform = running.Platform = PlatformOf(running.Tags);
        var artifacts = running.Artifacts = new ScenarioArtifacts(environment.RunDir, running.Feature, running.Title, platform.ToString());
        container.RegisterInstanceAs(environment.TestData);
        container.RegisterInstanceAs(new ScenarioLanguage(feature.FeatureInfo.Language.Name));
        container.RegisterInstanceAs(ScenarioSeed.For(environment.Settings.Run.Seed, running.Feature, running.Title, platform.ToString()));
        running.Session = await environment.StartSessionAsync(platform, artifacts);
        container.RegisterInstanceAs(running.Session.Journey);
    }

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

using System.Diagnostics;
using KycE2E.Automation.Artifacts;
using KycE2E.Automation.Journeys;
using KycE2E.Automation.Sessions;
using KycE2E.Reporting;
using TechTalk.SpecFlow;

namespace KycE2E.Specs.Support;

/// <summary>What the hooks of one scenario share: its names, platform, session, evidence folder and recorded steps.</summary>
public sealed class RunningScenario(ScenarioContext scenario, FeatureContext feature, ScenarioUser user)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    public TimeSpan Elapsed => _clock.Elapsed;

    public string Feature => feature.FeatureInfo.Title;

    /// <summary>The scenario's title with its example row, so each row of an outline is told apart.</summary>
    public string Title
    {
        get
        {
            var values = scenario.ScenarioInfo.Arguments.Values.Cast<object>().Select(v => v.ToString()).Where(v => !string.IsNullOrEmpty(v)).ToList();
            return values.Count == 0 ? scenario.ScenarioInfo.Title : $"{scenario.ScenarioInfo.Title} ({string.Join(", ", values)})";
        }
    }

    public IReadOnlyList<string> Tags => [.. scenario.ScenarioInfo.Tags.Concat(feature.FeatureInfo.Tags).Distinct(StringComparer.Ordinal)];

    /// <summary>Web until the session hook reads the tags, as a scenario stopped before its start is recorded.</summary>
    public Platform Platform { get; set; }

    public ScenarioArtifacts? Artifacts { get; set; }

    public IPlatformSession? Session { get; set; }

    public List<StepRecord> Steps { get; } = [];

    /// <summary>What failed the scenario; a skip (a step that needs what the environment lacks) is not a failure.</summary>
    public Exception? Error => scenario.TestError is NUnit.Framework.IgnoreException ? null : scenario.TestError;

    /// <summary>Why the scenario was skipped at a step, or null.</summary>
    public string? SkipReason => (scenario.TestError as NUnit.Framework.IgnoreException)?.Message;

    /// <summary>Text for a record or the console, with the scenario user's password and document numbers masked.</summary>
    public string Masked(string text) => Masking.Text(text, user.Exists ? [user.Current.Password] : []);
}

using System.Diagnostics;
using KycE2E.Reporting;
using KycE2E.Automation.Configuration;
using TechTalk.SpecFlow;
using TechTalk.SpecFlow.Bindings;

namespace KycE2E.Specs.Support;

/// <summary>Each step's outcome and time, with a screenshot as Run:Screenshots asks (every step, or the failed one).</summary>
[Binding]
public sealed class StepRecording(RunningScenario running, ScenarioContext scenario, SuiteSettings settings)
{
    private readonly Stopwatch _stepClock = new();

    [BeforeStep]
    public void StartStepClock() => _stepClock.Restart();

    [AfterStep]
    public async Task RecordStepAsync()
    {
        var step = scenario.StepContext.StepInfo;
        var failed = running.Error is not null;
        var mode = settings.Run.Screenshots;
        string? shot = null;
        // Set-up steps (Given) show nothing yet; the picture book starts with what the user does.
        if (running is { Artifacts: { } artifacts, Session: { } session }
            && ((mode == "every-step" && step.StepDefinitionType != StepDefinitionType.Given) || (mode == "on-failure" && failed)))
        {
            shot = artifacts.PathFor($"step-{running.Steps.Count + 1:00}.png");
            if (!await session.TryScreenshotAsync(shot))
            {
                shot = null;
            }
        }

        // A step that needs what the environment lacks skips the scenario there: that step is the skipped one, with the reason.
        var skipped = !failed && running.SkipReason is not null;
        running.Steps.Add(new StepRecord(step.StepDefinitionType.ToString(), step.Text, failed ? Outcome.Failed : skipped ? Outcome.Skipped : Outcome.Passed,
            _stepClock.Elapsed.TotalSeconds, failed ? running.Masked(running.Error!.Message) : skipped ? running.SkipReason : null, shot));
    }
}

using KycE2E.Automation.Artifacts;
using KycE2E.Automation.Environment;
using KycE2E.Reporting;
using KycE2E.Automation.TestData;
using NUnit.Framework;
using TechTalk.SpecFlow;

namespace KycE2E.Specs.Support;

/// <summary>
/// A scenario's end, before and after its session ends: on failure the evidence (what the session can capture and the
/// sandbox's case), then the JSON record and the console line; once the session has ended, its files attached to NUnit.
/// </summary>
[Binding]
public sealed class ScenarioRecordHooks(RunningScenario running, ScenarioContext scenario, ScenarioUser user, TestEnvironment environment)
{
    [AfterScenario(Order = Lifetimes.EndOrder - 1)]
    public async Task CaptureAndRecordAsync()
    {
        var failed = running.Error is not null;
        try
        {
            if (failed && running.Artifacts is { } artifacts)
            {
                await CaptureAsync(artifacts);
            }
        }
        finally
        {
            WriteRecord(failed);
        }
    }

    [AfterScenario(Order = Lifetimes.EndOrder + 1)]
    public void Attach()
    {
        if (running.Artifacts is not { } artifacts)
        {
            return;
        }

        foreach (var file in artifacts.Files.Where(File.Exists))
        {
            TestContext.AddTestAttachment(file);
        }

        if (artifacts.Files.Count > 0)
        {
            TestContext.Progress.WriteLine($"KycE2E: artifacts of '{scenario.ScenarioInfo.Title}' in {artifacts.Directory}");
        }
    }

    private async Task CaptureAsync(ScenarioArtifacts artifacts)
    {
        if (running.Session is { } session)
        {
            await session.CaptureFailureAsync();
        }

        if (user.Exists)
        {
            try
            {
                await artifacts.SaveAsync("sandbox-case.json", await environment.TestData.GetVerificationJsonAsync(user.Current.UserId));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TestDataApiException)
            {
                await artifacts.SaveAsync("sandbox-case.txt", $"The environment's record of the case could not be read: {e.Message}");
            }
        }
    }

    private void WriteRecord(bool failed)
    {
        var outcome = failed ? Outcome.Failed
            : scenario.ScenarioExecutionStatus == ScenarioExecutionStatus.OK ? Outcome.Passed : Outcome.Skipped;
        var seconds = running.Elapsed.TotalSeconds;
        var platform = running.Platform.ToString().ToLowerInvariant();
        // A scenario running when the run's sandbox died fails with what the browser or HTTP client saw; say why first.
        var unreachable = failed ? environment.UnreachableReason(running.Error!) : null;
        new ScenarioRecord(
            Guid.NewGuid().ToString("N"),
            running.Feature,
            running.Title,
            platform,
            [.. running.Tags],
            outcome,
            running.StartedAt,
            seconds,
            running.Steps,
            failed ? (unreachable is null ? "" : unreachable + "\n") + running.Masked(running.Error!.ToString()) : null,
            failed ? running.Artifacts?.Directory : null,
            [.. (running.Artifacts?.Files ?? []).Where(File.Exists)],
            environment.Settings.Run.Attempt,
            Host: System.Environment.MachineName,
            Worker: TestContext.CurrentContext.WorkerId ?? "main",
            SkipReason: outcome == Outcome.Skipped ? running.SkipReason : null).Write(environment.RunDir);
        TestContext.Progress.WriteLine($"[{platform,-6}] {outcome.Text(),-7} {seconds,5:0.0}s  {running.Feature} / {running.Title}"
            + (unreachable is null ? "" : $"\n         {unreachable}")
            + (outcome == Outcome.Skipped && running.SkipReason is { } skipped ? $"\n         {skipped}" : "")
            + (failed ? $"\n         artifacts: {running.Artifacts?.Directory}" : ""));
    }
}

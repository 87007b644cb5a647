using System.Text.Json;
using KycE2E.Automation.Artifacts;
using KycE2E.Automation.Configuration;
using KycE2E.Automation.Environment;
using KycE2E.Automation.Processes;
using KycE2E.Reporting;
using KycE2E.Automation.Web;
using Microsoft.Playwright;

namespace KycE2E.IntegrationTests.Automation;

/// <summary>
/// The run's own sandbox dies mid-run (SIGKILL): the scenario that was running is recorded as failed because the
/// environment went away, the next scenarios fail at once with "Environment unreachable", and the run still ends
/// cleanly with its report.
/// </summary>
public sealed class EnvironmentLossTests
{
    private string _root = null!;
    private TestEnvironment _environment = null!;
    private bool _disposed;

    [SetUp]
    public async Task StartAsync()
    {
        _root = Directory.CreateTempSubdirectory("kyce2e-env-loss-").FullName;
        _environment = await TestEnvironment.StartAsync(new SuiteSettings { Run = { Id = "env-loss" } }, _root);
        _disposed = false;
    }

    [TearDown]
    public async Task StopAsync()
    {
        if (!_disposed)
        {
            await _environment.DisposeAsync();
        }

        Directory.Delete(_root, recursive: true);
    }

    [Test]
    public async Task After_the_sandbox_is_killed_the_next_scenario_fails_at_once_with_environment_unreachable()
    {
        _environment.EnsureReachable();
        _environment.UnreachableReason(new InvalidOperationException("a failed expectation")).Should().BeNull("the sandbox still runs");

        await KillSandboxAsync();

        var start = () => _environment.EnsureReachable();
        var refusal = start.Should().Throw<EnvironmentSetupException>()
            .WithMessage("Environment unreachable*").WithMessage($"*{_environment.Sandbox!.LogPath}*").Which;
        _environment.UnreachableReason(refusal).Should().BeNull("a scenario stopped by EnsureReachable already says why");
    }

    [Test]
    public async Task A_scenario_running_when_the_sandbox_dies_is_recorded_as_environment_unreachable_and_the_report_is_still_written()
    {
        var artifacts = new ScenarioArtifacts(_environment.RunDir, "Losing the environment", "The sandbox dies mid-scenario", "web");
        var session = await WebSession.StartAsync(_environment.Browsers, _environment.Settings, _environment.BaseUrl, artifacts);
        (await session.Page.GotoAsync("health"))!.Ok.Should().BeTrue();

        await KillSandboxAsync();
        var step = () => session.Page.GotoAsync("login");
        var failure = (await step.Should().ThrowAsync<PlaywrightException>()).Which;
        failure.Message.Should().Contain("ERR_CONNECTION_REFUSED", "this is all the scenario itself sees");

        var reason = _environment.UnreachableReason(failure);
        reason.Should().Be($"Environment unreachable: the run's sandbox exited during this scenario (see {_environment.Sandbox!.LogPath})");

        // What the hooks do at the end of the failed scenario, then what the run does at its end.
        await session.CaptureFailureAsync();
        await session.EndAsync(failed: true);
        var record = new ScenarioRecord(Guid.NewGuid().ToString("N"), "Losing the environment", "The sandbox dies mid-scenario", "web", ["web"],
            Outcome.Failed, DateTimeOffset.UtcNow, 1, [], $"{reason}\n{failure}", artifacts.Directory, [.. artifacts.Files.Where(File.Exists)], 1);
        record.Write(_environment.RunDir);
        await File.WriteAllTextAsync(Path.Combine(_environment.RunDir, "environment.json"), JsonSerializer.Serialize(await _environment.FactsAsync(), ScenarioRecord.Json));
        var (report, code) = RunOutcome.WriteFiles(_environment.RunDir, [_environment.RunDir], new FlakyPolicy(FlakyFails: false));
        _disposed = true;
        await _environment.Invoking(e => e.DisposeAsync().AsTask()).Should().NotThrowAsync();

        code.Should().Be(1);
        report.Summary("index.html").Should().Contain($"FAILED [web] Losing the environment / The sandbox dies mid-scenario: {reason}");
        var result = JsonDocument.Parse(await File.ReadAllTextAsync(Directory.EnumerateFiles(Path.Combine(_environment.RunDir, "allure-results"), "*-result.json").Single())).RootElement;
        result.GetProperty("status").GetString().Should().Be("broken", "the environment, not the product, failed it");
        result.GetProperty("statusDetails").GetProperty("message").GetString().Should().StartWith(reason + "\n")
            .And.Contain("ERR_CONNECTION_REFUSED");
        artifacts.Files.Where(File.Exists).Select(Path.GetFileName).Should().Contain("screenshot.png", "the browser outlived the sandbox");
    }

    private async Task KillSandboxAsync()
    {
        var sandbox = _environment.Sandbox!;
        ProcessTree.KillHard(sandbox.Pid);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30)); // a bound for a hang
        await sandbox.WaitForExitAsync(deadline.Token);
    }
}

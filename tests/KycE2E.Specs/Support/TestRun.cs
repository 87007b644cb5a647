using KycE2E.Automation.Identity;
using KycE2E.Automation.Configuration;
using System.Text.Json;
using KycE2E.Automation.Environment;
using KycE2E.Reporting;
using KycE2E.Automation.Processes;
using NUnit.Framework;
using TechTalk.SpecFlow;

namespace KycE2E.Specs.Support;

/// <summary>The run's lifetime: settings and environment start once before the first scenario and stop after the last.</summary>
[Binding]
public static class TestRun
{
    private static TestEnvironment? _environment;
    private static Exception? _setupFailure;

    /// <summary>The environment, or the reason it could not be set up (every scenario then fails at once with it).</summary>
    public static TestEnvironment Environment => _environment
        ?? throw new EnvironmentSetupException(_setupFailure?.Message ?? "The test environment was not started.", _setupFailure!);

    [BeforeTestRun]
    public static async Task StartAsync()
    {
        try
        {
            var parameters = TestContext.Parameters.Names.Select(n => new KeyValuePair<string, string?>(n, TestContext.Parameters[n]));
            var settings = SuiteConfiguration.Load(parameters, AppContext.BaseDirectory);
            settings.Run.Seed = ScenarioSeed.RunSeed(settings.Run.Seed);
            _environment = await TestEnvironment.StartAsync(settings, RepositoryLayout.Root);
            // A step that needs what the environment lacks skips its scenario with the reason, never passes it.
            _environment.TestData.OnMissing = reason => Assert.Ignore(reason);
            await TestContext.Progress.WriteLineAsync($"KycE2E: target {_environment.BaseUrl} ({(settings.Environment.StartsSandbox ? "the run's own sandbox" : "external")}), artifacts in {_environment.RunDir}");
            await TestContext.Progress.WriteLineAsync($"KycE2E: random data seed {settings.Run.Seed} (the same people and photos again: ./e2e run --seed {settings.Run.Seed})");
            // Seconds from the start of the run until each part was ready; ./e2e bench reads them.
            await File.WriteAllTextAsync(Path.Combine(_environment.RunDir, "startup.json"), JsonSerializer.Serialize(_environment.Startup, ScenarioRecord.Json));
        }
        catch (Exception e) when (e is EnvironmentSetupException or SuiteConfigurationException)
        {
            _setupFailure = e;
            await TestContext.Progress.WriteLineAsync($"KycE2E: environment not ready: {e.Message}");
            await WriteSetupFailureAsync(e);
        }
    }

    [AfterTestRun]
    public static async Task StopAsync()
    {
        if (_environment is null)
        {
            return;
        }

        try
        {
            var runDir = _environment.RunDir;
            await File.WriteAllTextAsync(Path.Combine(runDir, "environment.json"), JsonSerializer.Serialize(await _environment.FactsAsync(), ScenarioRecord.Json));
            // index.html and allure-results for plain dotnet test; ./e2e writes them again over every pass of the run.
            var policy = FlakyPolicy.For(_environment.Settings.Profile, System.Environment.GetEnvironmentVariable(FlakyPolicy.Variable));
            var (report, _) = RunOutcome.WriteFiles(runDir, [runDir], policy, mergeJUnit: false);
            if (System.Environment.GetEnvironmentVariable("KYCE2E_E2E") != "1")
            {
                // ./e2e prints the summary itself, over every pass of the run (retries included).
                await TestContext.Progress.WriteLineAsync(report.Summary(Path.Combine(runDir, RunIndex.FileName)));
            }
        }
        finally
        {
            await _environment.DisposeAsync();
        }
    }

    // ./e2e turns this file into exit code 2: the environment, not a scenario, failed.
    private static async Task WriteSetupFailureAsync(Exception e)
    {
        var runId = System.Environment.GetEnvironmentVariable("KYCE2E_Run__Id");
        if (string.IsNullOrEmpty(runId))
        {
            return;
        }

        var dir = Path.Combine(RepositoryLayout.Root, System.Environment.GetEnvironmentVariable("KYCE2E_Run__ArtifactsDir") ?? "artifacts", runId);
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "environment-error.txt"), e.Message);
    }
}

using KycE2E.Reporting;
using KycE2E.Runner;

namespace KycE2E.UnitTests.Runner;

public sealed class SuiteRunTests
{
    private RunnerWorkspace _workspace = null!;

    [SetUp]
    public void CreateWorkspace() => _workspace = new RunnerWorkspace();

    [TearDown]
    public void RemoveWorkspace() => _workspace.Dispose();

    private Task<int> RunAsync(RunOptions options) => new SuiteRun(_workspace.Suite).ExecuteAsync(options);

    [Test]
    public async Task A_run_passes_the_filter_the_profile_the_workers_and_the_variables_to_dotnet_test()
    {
        _workspace.Set("RUN_ID", "r1");
        _workspace.Dotnet.OnTest = t => { _workspace.Results(t, 1, ("a", Outcome.Passed)); return 0; };

        var code = await RunAsync(RunnerWorkspace.Options(platform: "web", tags: "@smoke") with { Seed = 42, Headed = true, Device = "iPhone 14 Pro Max", Screenshots = "every-step" });

        code.Should().Be(ExitCodes.Passed);
        var pass = _workspace.Dotnet.Tests.Should().ContainSingle().Subject;
        pass.Should().BeEquivalentTo(new { Project = "tests/KycE2E.Specs", Name = "specs", RunId = "r1", Settings = "runsettings/ci.runsettings", Filter = "(Category=smoke)&Category=web", Workers = 2 });
        pass.Environment.Should().Contain(new Dictionary<string, string?>
        {
            ["KYCE2E_Run__Id"] = "r1",
            ["KYCE2E_Run__Seed"] = "42",
            ["KYCE2E_COMMIT"] = "abc1234",
            ["KYCE2E_Run__Warmup"] = "web",
            ["KYCE2E_Web__Headless"] = "false",
            ["KYCE2E_Mobile__Headless"] = "false",
            ["KYCE2E_Mobile__Device"] = "iPhone 14 Pro Max",
            ["KYCE2E_Run__Screenshots"] = "every-step",
        });
        File.ReadAllText(Path.Combine(_workspace.Root, "artifacts", "r1", "index.html")).Should().Contain("<strong>passed</strong> (exit code 0): 1 passed, 0 failed, 0 skipped");
        Directory.EnumerateFiles(Path.Combine(_workspace.Root, "artifacts", "r1", "allure-results"), "*-result.json").Should().ContainSingle();
        File.Exists(Path.Combine(_workspace.Root, "artifacts", "r1", "merged.junit.xml")).Should().BeTrue();
        _workspace.Output.ToString().Should().Contain("e2e: run r1: features on web (ci profile, 2 workers)").And.Contain("e2e: 1 passed, 0 failed, 0 skipped");
        ScenarioDurations.Load(Path.Combine(_workspace.Root, "artifacts", "durations.json")).Entries
            .Should().Equal([new ScenarioDurations.Entry("Retrying", "a", "web", 1.5)], "a whole run records its scenarios' seconds for the shards of later runs");
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task The_console_has_a_line_per_scenario_with_its_count_the_steps_only_with_verbose_and_the_whole_output_is_kept(bool verbose)
    {
        _workspace.Set("RUN_ID", "r8");
        _workspace.Dotnet.OnTest = t =>
        {
            foreach (var line in new[] { "   NUnit3TestExecutor discovered 1 of 1 NUnit test cases using Current Discovery mode, Non-Explicit run", "Given a user whose photo was blurry", "[web   ] passed    1.5s  Retrying / a" })
            {
                t.Lines?.Invoke(line);
            }

            _workspace.Results(t, 1, ("a", Outcome.Passed));
            return 0;
        };

        await RunAsync(RunnerWorkspace.Options() with { Verbose = verbose });

        _workspace.Dotnet.Tests.Should().ContainSingle().Which.LogFile.Should().Be(Path.Combine(_workspace.Root, "artifacts", "r8", "console.log"));
        var output = _workspace.Output.ToString();
        output.Should().Contain("[web   ] passed    1.5s  [1/1]  Retrying / a").And.Contain("e2e: console output: artifacts/r8/console.log");
        if (verbose)
        {
            output.Should().Contain("Given a user whose photo was blurry");
        }
        else
        {
            output.Should().NotContain("Given a user whose photo was blurry");
        }
    }

    [TestCase(null, 1)]
    [TestCase("", 1)]
    [TestCase("this ./e2e test built it before its drills", 0)]
    public async Task A_run_builds_the_solution_unless_the_test_that_started_it_just_did(string? built, int builds)
    {
        _workspace.Set("RUN_ID", "r1");
        _workspace.Set(Suite.BuiltVariable, built);
        _workspace.Dotnet.OnTest = t => { _workspace.Results(t, 1, ("a", Outcome.Passed)); return 0; };

        (await RunAsync(RunnerWorkspace.Options())).Should().Be(0);

        _workspace.Dotnet.Builds.Should().Be(builds);
        _workspace.Output.ToString().Contains("not building: KYCE2E_BUILT says this ./e2e test built it before its drills", StringComparison.Ordinal).Should().Be(builds == 0);
    }

    [Test]
    public async Task Without_a_run_id_the_run_is_named_by_its_start_and_its_shard_and_the_warmup_set_empty_stays_empty()
    {
        Directory.CreateDirectory(Path.Combine(_workspace.Root, "features"));
        File.WriteAllText(Path.Combine(_workspace.Root, "features", "a.feature.cs"), RunnerWorkspace.GeneratedFeature("AFeature", "mobile"));
        File.WriteAllText(Path.Combine(_workspace.Root, "features", "b.feature.cs"), RunnerWorkspace.GeneratedFeature("BFeature", "mobile"));
        File.WriteAllText(Path.Combine(_workspace.Root, "features", "c.feature.cs"), RunnerWorkspace.GeneratedFeature("CFeature", "web"));
        _workspace.Set("KYCE2E_Run__Warmup", "");

        await RunAsync(RunnerWorkspace.Options(platform: "mobile") with { Shard = new Shard(2, 2) });

        var pass = _workspace.Dotnet.Tests.Should().ContainSingle().Subject;
        pass.RunId.Should().Be("20261201-030405-shard-2-of-2");
        pass.Filter.Should().Be("(Category=mobile)&(FullyQualifiedName=Specs.Features.BFeature.Scenario)", "the mobile scenarios are shared out, the web one is not among them");
        _workspace.Output.ToString().Should().Contain("e2e: shard 2/2: 1 scenarios, 1 of 2 by count (no durations recorded yet)");
        File.Exists(Path.Combine(_workspace.Root, "artifacts", "durations.json")).Should().BeFalse("a shard leaves the durations alone, so that its sibling shards split by the same file");
        pass.Environment["KYCE2E_Run__Warmup"].Should().BeEmpty();
        pass.Environment["KYCE2E_Run__Seed"].Should().MatchRegex("^[1-9][0-9]{0,8}$");
    }

    [Test]
    public async Task A_run_in_which_no_scenario_ran_fails_and_says_so()
    {
        _workspace.Set("RUN_ID", "r0");
        _workspace.Dotnet.OnTest = _ => 0;

        var code = await RunAsync(RunnerWorkspace.Options(platform: "web"));

        code.Should().Be(ExitCodes.Failed, "nothing ran is never a pass");
        _workspace.Output.ToString().Should().Contain("e2e: 0 passed, 0 failed, 0 skipped")
            .And.Contain("e2e: no scenario ran: the filter matched none, or the test host stopped before the first (see above).");
    }

    [Test]
    public async Task Only_the_failed_scenarios_are_re_run_and_one_that_then_passes_is_flaky()
    {
        _workspace.Set("RUN_ID", "r2");
        _workspace.Dotnet.OnTest = t =>
        {
            if (t.RunId == "r2")
            {
                _workspace.Results(t, 1, ("blurry", Outcome.Failed), ("sharp", Outcome.Passed));
                return 1;
            }

            // An adapter that loaded more than the retry's filter names does not change the retry's count.
            t.Lines?.Invoke("   NUnit3TestExecutor discovered 2 of 2 NUnit test cases using Current Discovery mode, Non-Explicit run");
            t.Lines?.Invoke("[web   ] passed    1.5s  Retrying / blurry");
            _workspace.Results(t, 2, ("blurry", Outcome.Passed));
            return 0;
        };

        var code = await RunAsync(RunnerWorkspace.Options(profile: "ci", retries: 2));

        code.Should().Be(ExitCodes.Passed, "flaky does not fail the gate in the ci profile");
        _workspace.Dotnet.Tests.Should().HaveCount(2, "the retry passed, so there is no second retry");
        var retry = _workspace.Dotnet.Tests[1];
        retry.RunId.Should().Be("r2/retry-1");
        retry.Filter.Should().Be("FullyQualifiedName=Specs.RetryingFeature.blurry");
        retry.Environment.Should().Contain("KYCE2E_Run__Attempt", "2").And.Contain("KYCE2E_Run__Id", "r2/retry-1");
        retry.LogFile.Should().Be(Path.Combine(_workspace.Root, "artifacts", "r2", "retry-1", "console.log"));
        _workspace.Output.ToString().Should().Contain("e2e: retry 1 of 2: re-running the failed scenarios only")
            .And.Contain("FLAKY  [web] Retrying / blurry").And.Contain("flaky scenarios: 1 (listed; they do not fail the gate)")
            .And.Contain("e2e: 2 passed, 0 failed, 0 skipped")
            .And.Contain("[web   ] passed    1.5s  [1/1]  Retrying / blurry");
    }

    [TestCase("local", null, ExitCodes.Failed)]
    [TestCase("ci", "true", ExitCodes.Failed)]
    [TestCase("local", "false", ExitCodes.Passed)]
    public async Task Flaky_fails_the_gate_outside_the_ci_profile_unless_the_setting_says_otherwise(string profile, string? flakyFails, int expected)
    {
        _workspace.Set("RUN_ID", "r3");
        _workspace.Set("KYCE2E_FLAKY_FAILS", flakyFails);
        _workspace.Dotnet.OnTest = t =>
        {
            _workspace.Results(t, t.RunId == "r3" ? 1 : 2, ("blurry", t.RunId == "r3" ? Outcome.Failed : Outcome.Passed));
            return t.RunId == "r3" ? 1 : 0;
        };

        (await RunAsync(RunnerWorkspace.Options(profile: profile, retries: 1))).Should().Be(expected);
    }

    [Test]
    public async Task A_scenario_still_failing_after_every_retry_fails_the_run()
    {
        _workspace.Set("RUN_ID", "r4");
        _workspace.Dotnet.OnTest = t => { _workspace.Results(t, 1, ("blurry", Outcome.Failed)); return 1; };

        var code = await RunAsync(RunnerWorkspace.Options(retries: 2));

        code.Should().Be(ExitCodes.Failed);
        _workspace.Dotnet.Tests.Select(t => t.RunId).Should().Equal("r4", "r4/retry-1", "r4/retry-2");
        _workspace.Output.ToString().Should().Contain("FAILED [web] Retrying / blurry").And.Contain("e2e: 0 passed, 1 failed, 0 skipped");
    }

    [Test]
    public async Task An_environment_error_of_the_test_host_is_exit_code_2_with_its_reason()
    {
        _workspace.Set("RUN_ID", "r5");
        _workspace.Dotnet.OnTest = t =>
        {
            Directory.CreateDirectory(_workspace.Repository.RunDir(t.RunId));
            File.WriteAllText(Path.Combine(_workspace.Repository.RunDir(t.RunId), "environment-error.txt"), "Appium did not start on port 4723");
            return 1;
        };

        (await RunAsync(RunnerWorkspace.Options(retries: 1))).Should().Be(ExitCodes.Environment);
        _workspace.Errors.ToString().Should().Be("e2e: environment not ready: Appium did not start on port 4723" + Environment.NewLine);
        _workspace.Dotnet.Tests.Should().ContainSingle("an environment that failed is not retried");
    }

    [Test]
    public async Task An_unreachable_external_environment_stops_the_run_before_the_build()
    {
        _workspace.Set("KYCE2E_Environment__BaseUrl", "http://127.0.0.1:9/");
        _workspace.EnvironmentAnswers = false;
        _workspace.Dotnet.BuildCode = 1;

        var run = () => RunAsync(RunnerWorkspace.Options());

        (await run.Should().ThrowAsync<UsageException>()).Which.Should().BeEquivalentTo(new
        {
            Message = "environment unreachable: http://127.0.0.1:9/health did not answer within 5 s; check KYCE2E_Environment__BaseUrl, or unset it to use the sandbox.",
            ExitCode = 2,
        });
        _workspace.Dotnet.Tests.Should().BeEmpty();
    }

    [Test]
    public async Task A_failed_build_is_exit_code_1_and_runs_nothing()
    {
        _workspace.Dotnet.BuildCode = 1;

        var run = () => RunAsync(RunnerWorkspace.Options());

        (await run.Should().ThrowAsync<UsageException>()).Which.ExitCode.Should().Be(ExitCodes.Failed);
        _workspace.Dotnet.Tests.Should().BeEmpty();
    }

    [Test]
    public async Task A_flaky_setting_that_is_not_true_or_false_stops_the_run()
    {
        _workspace.Set("KYCE2E_FLAKY_FAILS", "sometimes");

        var run = () => RunAsync(RunnerWorkspace.Options());

        (await run.Should().ThrowAsync<UsageException>()).Which.Message.Should().Be("KYCE2E_FLAKY_FAILS: true or false, not 'sometimes'.");
    }

    [Test]
    public async Task Ctrl_C_stops_after_the_test_run_writes_the_report_of_what_finished_and_is_exit_code_130()
    {
        _workspace.Set("RUN_ID", "r6");
        _workspace.Dotnet.OnTest = t =>
        {
            _workspace.Results(t, 1, ("finished", Outcome.Failed));
            _workspace.Interrupt();
            return 1;
        };

        var code = await RunAsync(RunnerWorkspace.Options(retries: 2));

        code.Should().Be(ExitCodes.Interrupted);
        _workspace.Dotnet.Tests.Should().ContainSingle("no retry starts after Ctrl-C");
        File.ReadAllText(Path.Combine(_workspace.Repository.RunDir("r6"), "index.html")).Should().Contain("<strong>failed</strong> (exit code 1): 0 passed, 1 failed, 0 skipped");
        File.ReadAllText(Directory.EnumerateFiles(Path.Combine(_workspace.Repository.RunDir("r6"), "allure-results"), "*-result.json").Should().ContainSingle().Subject)
            .Should().Contain("\"name\": \"finished\"");
        _workspace.Output.ToString().Should().Contain("e2e: interrupted: writing the report of the scenarios that finished");
    }

    [TestCase(Outcome.Passed, ExitCodes.Passed)]
    [TestCase(Outcome.Failed, ExitCodes.Failed)]
    public async Task Without_Allure_one_line_says_so_and_the_verdict_is_the_runs_own(Outcome outcome, int expected)
    {
        _workspace.Set("RUN_ID", "r9");
        _workspace.WithAllure = true;
        _workspace.Dotnet.OnTest = t => { _workspace.Results(t, 1, ("a", outcome)); return outcome == Outcome.Failed ? 1 : 0; };

        var code = await RunAsync(RunnerWorkspace.Options());

        code.Should().Be(expected);
        _workspace.Output.ToString().Split('\n').Where(l => l.Contains("Allure", StringComparison.Ordinal)).Should().Equal(
            "e2e: Allure report not made: Allure is not installed in tools/allure (./e2e install, or: cd tools/allure && npm ci).");
        var index = File.ReadAllText(Path.Combine(_workspace.Repository.RunDir("r9"), "index.html"));
        index.Should().Contain($"(exit code {expected})").And.NotContain("allure-report/index.html", "no dead link to a report that was not made");
        Directory.EnumerateFiles(Path.Combine(_workspace.Repository.RunDir("r9"), "allure-results"), "*-result.json").Should().ContainSingle("the results are written all the same");
    }
}

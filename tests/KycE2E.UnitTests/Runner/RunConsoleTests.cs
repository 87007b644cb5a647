using KycE2E.Reporting;
using KycE2E.Runner;

namespace KycE2E.UnitTests.Runner;

public sealed class RunConsoleTests
{
    /// <summary>What dotnet test printed for two web scenarios (console logger "normal", SpecFlow's step trace on).</summary>
    private static readonly string[] TwoScenarios =
    [
        "Test run for /repo/tests/KycE2E.Specs/bin/Release/net10.0/KycE2E.Specs.dll (.NETCoreApp,Version=v10.0)",
        "A total of 1 test files matched the specified pattern.",
        "NUnit Adapter 6.3.1.0: Test execution started",
        "Running selected tests in /repo/tests/KycE2E.Specs/bin/Release/net10.0/KycE2E.Specs.dll",
        "   NUnit3TestExecutor discovered 2 of 2 NUnit test cases using Current Discovery mode, Non-Explicit run",
        "KycE2E: target http://127.0.0.1:33669/ (the run's own sandbox), artifacts in /repo/artifacts/r1",
        "KycE2E: random data seed 984923200 (the same people and photos again: ./e2e run --seed 984923200)",
        "[web   ] passed    7.4s  Uploads / A failed upload keeps everything (web)",
        "-> duration: SessionHooks.StartSessionAsync(): 0.4s",
        "Given a user whose verification failed because the photo was blurry",
        "-> done: RetryEntrySteps.GivenARejectedUser(the photo was blurry) (1.4s)",
        "",
        "  Passed AFailedUploadKeepsEverything(\"web\",[\"web\"]) [7 s]",
        "[web   ] failed    3.0s  Retrying / The retry button (web)",
        "         artifacts: /repo/artifacts/r1/retrying/the-retry-button-web",
        "When she taps retry",
        "-> error: Locator expected to be visible",
        "KycE2E: artifacts of 'The retry button' in /repo/artifacts/r1/retrying/the-retry-button-web",
        "  Failed TheRetryButton(\"web\",[\"web\"]) [3 s]",
        "  Error Message:",
        "   Locator expected to be visible",
        "  Stack Trace:",
        "     at KycE2E.Automation.Web.WebVerificationJourney.RetryAsync()",
        "NUnit Adapter 6.3.1.0: Test execution complete",
        "Failed!  - Failed:     1, Passed:     1, Skipped:     0, Total:     2, Duration: 11 s - KycE2E.Specs.dll (net10.0)",
    ];

    private static (RunConsole Console, StringWriter Output) Feed(IEnumerable<string> lines, ConsoleForm form = ConsoleForm.Scenarios, bool verbose = false, bool live = false)
    {
        var output = new StringWriter { NewLine = "\n" };
        var console = new RunConsole(output, form, verbose, live);
        foreach (var line in lines)
        {
            console.Line(line);
        }

        console.Finish();
        return (console, output);
    }

    [Test]
    public void A_scenario_line_says_platform_outcome_seconds_the_running_count_and_the_title()
    {
        RunConsole.ScenarioLine("web", "passed", 7.44, "Uploads / A failed upload", 3, 100)
            .Should().Be("[web   ] passed    7.4s  [  3/100]  Uploads / A failed upload");
        RunConsole.ScenarioLine("mobile", "failed", 12.06, "Retrying / Locked", 100, 100)
            .Should().Be("[mobile] failed   12.1s  [100/100]  Retrying / Locked");
        RunConsole.ScenarioLine("web", "skipped", 0, "Retrying / Later", 4, 0)
            .Should().Be("[web   ] skipped   0.0s  [4]  Retrying / Later", "a total not known (yet) is left out rather than guessed");
        RunConsole.ScenarioLine("web", "passed", 1, "Retrying / Extra", 3, 2).Should().Contain("  [3]  ", "more than the total never shows as 3/2");
    }

    [Test]
    public void The_total_is_the_adapters_count_of_the_filtered_tests_and_each_finished_scenario_counts_once()
    {
        var (console, output) = Feed(TwoScenarios);

        console.Total.Should().Be(2);
        console.Done.Should().Be(2);
        console.Failed.Should().Be(1);
        output.ToString().Should().Contain("[1/2]  Uploads / A failed upload keeps everything (web)")
            .And.Contain("[2/2]  Retrying / The retry button (web)");
    }

    [Test]
    public void A_count_given_before_the_pass_is_kept_over_the_adapters()
    {
        var output = new StringWriter { NewLine = "\n" };
        var console = new RunConsole(output, ConsoleForm.Scenarios, verbose: false, live: false);
        console.Expect(1);

        console.Line("   NUnit3TestExecutor discovered 50 of 50 NUnit test cases using Current Discovery mode, Non-Explicit run");
        console.Line("[mobile] passed    2.0s  Retrying / blurry");

        console.Total.Should().Be(1);
        output.ToString().Should().Be("[mobile] passed    2.0s  [1/1]  Retrying / blurry\n");
    }

    [Test]
    public void Without_verbose_the_console_keeps_the_start_up_lines_the_scenarios_and_their_evidence_and_drops_the_steps()
    {
        var (_, output) = Feed(TwoScenarios);

        output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "KycE2E: target http://127.0.0.1:33669/ (the run's own sandbox), artifacts in /repo/artifacts/r1",
            "KycE2E: random data seed 984923200 (the same people and photos again: ./e2e run --seed 984923200)",
            "[web   ] passed    7.4s  [1/2]  Uploads / A failed upload keeps everything (web)",
            "[web   ] failed    3.0s  [2/2]  Retrying / The retry button (web)",
            "         artifacts: /repo/artifacts/r1/retrying/the-retry-button-web");
    }

    [Test]
    public void With_verbose_every_line_is_shown_and_the_scenario_lines_still_carry_their_count()
    {
        var (_, output) = Feed(TwoScenarios, verbose: true);

        var lines = output.ToString().Split('\n');
        lines.Should().Contain("Given a user whose verification failed because the photo was blurry")
            .And.Contain("-> done: RetryEntrySteps.GivenARejectedUser(the photo was blurry) (1.4s)")
            .And.Contain("  Stack Trace:")
            .And.Contain("[web   ] passed    7.4s  [1/2]  Uploads / A failed upload keeps everything (web)");
        lines.Should().HaveCount(TwoScenarios.Length + 1, "every line once, and the closing newline");
    }

    [Test]
    public void What_dotnet_test_says_when_it_cannot_run_or_aborts_is_never_hidden()
    {
        var (_, output) = Feed([
            "No test matches the given testcase filter `Category=nosuch` in /repo/tests/KycE2E.Specs/bin/Release/net10.0/KycE2E.Specs.dll",
            "The active test run was aborted. Reason: Test host process crashed",
            "Attempting to cancel the build...",
            "/repo/tests/KycE2E.Specs/KycE2E.Specs.csproj : error MSB4181: The task returned false",
            "::error file=x.feature::a workflow command of the GitHubActions logger",
        ]);

        output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(4)
            .And.NotContain("Attempting to cancel the build...");
    }

    [Test]
    public void A_test_project_is_one_summary_line_and_each_failed_test_with_the_first_lines_of_its_message()
    {
        string[] unit =
        [
            "Test run for /repo/tests/KycE2E.UnitTests/bin/Release/net10.0/KycE2E.UnitTests.dll (.NETCoreApp,Version=v10.0)",
            "NUnit Adapter 6.3.1.0: Test execution started",
            "   NUnit3TestExecutor discovered 312 of 312 NUnit test cases using Current Discovery mode, Non-Explicit run",
            "  Passed The_closing_line_counts [12 ms]",
            "  Failed A_run_without_results_counts_nothing [40 ms]",
            "  Error Message:",
            "   Expected TrxCounts to be",
            "",
            "TrxCounts { Passed = 0 }, but found",
            "TrxCounts { Passed = 1 }.",
            "l4", "l5", "l6", "l7 (cut)",
            "  Stack Trace:",
            "     at KycE2E.UnitTests.Runner.SummaryTests.A_run_without_results_counts_nothing()",
            "  Passed Another [1 ms]",
            "Failed!  - Failed:     1, Passed:   311, Skipped:     0, Total:   312, Duration: 14 s - KycE2E.UnitTests.dll (net10.0)",
        ];

        var (console, output) = Feed(unit, ConsoleForm.Tests);

        console.Failed.Should().Be(1);
        output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "  failed: A_run_without_results_counts_nothing",
            "      Expected TrxCounts to be",
            "      TrxCounts { Passed = 0 }, but found",
            "      TrxCounts { Passed = 1 }.",
            "      l4",
            "      l5",
            "      l6",
            "Failed!  - Failed:     1, Passed:   311, Skipped:     0, Total:   312, Duration: 14 s - KycE2E.UnitTests.dll (net10.0)");
    }

    [Test]
    public void On_a_terminal_a_live_line_stays_under_the_scenarios_and_is_taken_away_at_the_end()
    {
        var (_, output) = Feed(TwoScenarios, live: true);

        var text = output.ToString();
        text.Should().Contain("[1/2]  Uploads / A failed upload keeps everything (web)\n  running: 1 of 2 scenarios done")
            .And.Contain("running: 2 of 2 scenarios done, 1 failed");
        text.Should().EndWith("\r\u001b[2K", "the live line is cleared, so the closing table starts on a clean line");
    }

    [TestCase(true, null, null, true)]
    [TestCase(true, "true", null, false)]
    [TestCase(true, "TRUE", null, false)]
    [TestCase(true, null, "dumb", false)]
    [TestCase(false, null, null, false)]
    public void The_live_line_is_only_for_a_terminal_outside_ci(bool terminal, string? ci, string? term, bool live) =>
        RunConsole.IsLive(terminal, n => n switch { "CI" => ci, "TERM" => term, _ => null }).Should().Be(live);

    [Test]
    public void Plain_output_has_no_terminal_codes()
    {
        var (_, output) = Feed(TwoScenarios, live: false);

        output.ToString().Should().NotContain("\u001b").And.NotContain("\r");
    }

    [Test]
    public void A_failure_block_names_the_scenario_its_errors_first_lines_the_failed_step_and_its_evidence()
    {
        var record = new ScenarioRecord("1", "Retrying", "The retry button", "web", ["web"], Outcome.Failed, DateTimeOffset.UtcNow, 3.0,
            [
                new StepRecord("Given", "a user whose photo was blurry", Outcome.Passed, 1.0, null, null),
                new StepRecord("When", "she taps retry", Outcome.Failed, 1.0, "Locator expected to be visible", null),
            ],
            "Microsoft.Playwright.PlaywrightException: Locator expected to be visible\nCall log:\n  - Expect \"ToBeVisibleAsync\" with timeout 10000ms\n"
            + "  - waiting for GetByTestId(\"retry\")\n  - fifth line\n   at KycE2E.Automation.Web.WebVerificationJourney.RetryAsync()\n",
            "/repo/artifacts/r1/retrying/the-retry-button-web", [], 1);

        RunReport.FailureBlock(record).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "FAILED [web] Retrying / The retry button: Microsoft.Playwright.PlaywrightException: Locator expected to be visible",
            "         Call log:",
            "         - Expect \"ToBeVisibleAsync\" with timeout 10000ms",
            "         - waiting for GetByTestId(\"retry\")",
            "       step: When she taps retry",
            "       artifacts: /repo/artifacts/r1/retrying/the-retry-button-web");
        RunReport.ErrorHead("one\n   at A.B()\ntwo").Should().Equal("one");
        RunReport.ErrorHead(null).Should().BeEmpty();
    }
}

using KycE2E.Reporting;

namespace KycE2E.UnitTests.Reporting;

public sealed class FlakyPolicyTests
{
    [TestCase(new[] { Outcome.Passed }, Outcome.Passed)]
    [TestCase(new[] { Outcome.Failed }, Outcome.Failed)]
    [TestCase(new[] { Outcome.Failed, Outcome.Passed }, Outcome.Flaky)]
    [TestCase(new[] { Outcome.Failed, Outcome.Failed, Outcome.Passed }, Outcome.Flaky)]
    [TestCase(new[] { Outcome.Passed, Outcome.Failed }, Outcome.Failed)]
    [TestCase(new[] { Outcome.Skipped, Outcome.Passed }, Outcome.Passed)]
    [TestCase(new[] { Outcome.Failed, Outcome.Skipped }, Outcome.Skipped)]
    public void A_scenario_that_failed_in_an_earlier_pass_and_passed_in_a_later_one_is_flaky(Outcome[] attempts, Outcome outcome) =>
        FlakyPolicy.Of(attempts).Should().Be(outcome);

    [TestCase("local", null, true)]
    [TestCase("staging", "", true)]
    [TestCase("ci", null, false)]
    [TestCase("ci", "true", true)]
    [TestCase("local", "false", false)]
    [TestCase("local", "False", false)]
    public void Flaky_fails_the_gate_except_in_the_ci_profile_and_the_variable_decides_over_both(string profile, string? variable, bool fails) =>
        FlakyPolicy.For(profile, variable).FlakyFails.Should().Be(fails);

    [Test]
    public void A_variable_that_is_not_true_or_false_is_refused() =>
        FluentActions.Invoking(() => FlakyPolicy.For("ci", "yes")).Should().Throw<ArgumentException>().WithMessage("KYCE2E_FLAKY_FAILS: true or false, not 'yes'.*");

    [TestCase(false, 0, 0, 0)]
    [TestCase(false, 0, 2, 0)]
    [TestCase(true, 0, 2, 1)]
    [TestCase(false, 1, 0, 1)]
    [TestCase(true, 1, 0, 1)]
    public void The_gate_fails_on_a_failure_and_on_flaky_when_flaky_fails(bool flakyFails, int failed, int flaky, int code) =>
        new FlakyPolicy(flakyFails).ExitCode(new Totals(3, failed, flaky, 0, 1.0)).Should().Be(code);

    [TestCase(null, false, 2, 0)]
    [TestCase("false", false, 2, 0)]
    [TestCase("true", true, 2, 1)]
    [TestCase("true", true, 0, 0)]
    public void A_skip_fails_the_gate_only_when_KYCE2E_SKIPS_FAIL_is_true(string? variable, bool skipsFail, int skipped, int code)
    {
        var policy = FlakyPolicy.For("ci", null, variable);
        policy.SkipsFail.Should().Be(skipsFail);
        policy.ExitCode(new Totals(3, 0, 0, skipped, 1.0)).Should().Be(code);
    }

    [Test]
    public void The_gate_line_names_the_skips_and_their_rule_only_when_there_are_any()
    {
        var policy = FlakyPolicy.For("ci", null, null);
        policy.Describe(new Totals(3, 0, 0, 0, 1.0)).Should().Be("flaky scenarios: 0 (listed; they do not fail the gate)");
        policy.Describe(new Totals(3, 0, 0, 2, 1.0)).Should().Be(
            "flaky scenarios: 0 (listed; they do not fail the gate); skipped scenarios: 2 (listed; they do not fail the gate unless KYCE2E_SKIPS_FAIL=true)");
        FlakyPolicy.For("ci", null, "true").Describe(new Totals(3, 0, 0, 1, 1.0)).Should().Be(
            "flaky scenarios: 0 (listed; they do not fail the gate); skipped scenarios: 1 (they fail the gate)");
        FluentActions.Invoking(() => FlakyPolicy.For("ci", null, "sometimes")).Should().Throw<ArgumentException>()
            .WithMessage("KYCE2E_SKIPS_FAIL: true or false, not 'sometimes'.*");
    }

    [Test]
    public void The_json_record_keeps_its_lower_case_outcome_words()
    {
        var dir = Directory.CreateTempSubdirectory("kyce2e-outcome-").FullName;
        try
        {
            new ScenarioRecord("id1", "F", "S", "web", ["web"], Outcome.Failed, DateTimeOffset.UnixEpoch, 1, [new StepRecord("When", "x", Outcome.Skipped, 0, null, null)], "e", null, [], 1)
                .Write(dir);

            var json = File.ReadAllText(Path.Combine(dir, "results", "id1.json"));
            json.Should().Contain("\"outcome\": \"failed\"").And.Contain("\"outcome\": \"skipped\"");
            ScenarioRecord.ReadAll(dir).Should().ContainSingle().Which.Outcome.Should().Be(Outcome.Failed);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

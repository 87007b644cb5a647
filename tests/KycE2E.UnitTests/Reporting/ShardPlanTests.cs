using KycE2E.Automation.Processes;
using KycE2E.Reporting;

namespace KycE2E.UnitTests.Reporting;

/// <summary>Shards of scenarios balanced by the durations a real run recorded, the same on every machine.</summary>
public sealed class ShardPlanTests
{
    private static readonly string Features = RepositoryLayout.Path("features");

    /// <summary>The durations of a full ci run of every scenario on both platforms (100 scenarios, 368 s).</summary>
    private static ScenarioDurations RecordedRun() =>
        ScenarioDurations.Load(RepositoryLayout.Path("tests", "KycE2E.UnitTests", "Reporting", "durations.ci-run.json"));

    [Test]
    public void The_units_are_every_scenario_of_the_features_on_each_of_its_platforms()
    {
        var units = ShardPlan.Units(Features);
        var recorded = RecordedRun();

        units.Sum(u => u.Rows).Should().Be(recorded.Count, "the recorded run ran every scenario once on each platform");
        units.Should().OnlyContain(u => u.Platform == "web" || u.Platform == "mobile", "every scenario runs on exactly one platform");
        units.Should().OnlyContain(u => recorded.SecondsOf(u) != null, "each unit finds its recorded scenarios by feature, title and platform");
        recorded.Entries.Should().OnlyContain(e => units.Count(u => u.Holds(e.Feature, e.Scenario, e.Platform)) == 1, "each recorded scenario belongs to exactly one unit");
    }

    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void With_recorded_durations_the_longest_shard_is_within_15_percent_of_the_mean(int count)
    {
        var units = ShardPlan.Units(Features);
        var shards = ShardPlan.Split(units, RecordedRun(), count);

        var mean = shards.Average(s => s.PredictedSeconds);
        TestContext.Out.WriteLine($"{count} shards: {string.Join(", ", shards.Select(s => $"{s.Units.Sum(u => u.Rows)} scenarios {s.PredictedSeconds:0.0} s"))}; mean {mean:0.0} s");
        shards.Max(s => s.PredictedSeconds).Should().BeLessThanOrEqualTo(mean * 1.15);
        shards.Sum(s => s.PredictedSeconds).Should().BeApproximately(368.06, 0.5, "the predictions add up to the recorded run");
        shards.SelectMany(s => s.Units).Should().BeEquivalentTo(units, "every unit is in exactly one shard").And.OnlyHaveUniqueItems();
    }

    [Test]
    public void The_split_is_the_same_for_the_same_inputs_in_any_order()
    {
        var units = ShardPlan.Units(Features);
        var reversed = units.Reverse().ToList();

        var once = ShardPlan.Split(units, RecordedRun(), 3).Select(s => s.Units.Select(u => u.Filter).ToList()).ToList();
        var again = ShardPlan.Split(reversed, RecordedRun(), 3).Select(s => s.Units.Select(u => u.Filter).ToList()).ToList();

        again.Should().BeEquivalentTo(once, o => o.WithStrictOrdering());
    }

    [Test]
    public void Without_durations_the_shards_hold_as_many_scenarios_as_the_units_allow()
    {
        var units = ShardPlan.Units(Features);
        var shards = ShardPlan.Split(units, new ScenarioDurations(), 3);

        var sizes = shards.Select(s => s.Units.Sum(u => u.Rows)).ToList();
        sizes.Sum().Should().Be(units.Sum(u => u.Rows));
        (sizes.Max() - sizes.Min()).Should().BeLessThanOrEqualTo(units.Max(u => u.Rows), "a count apart by at most one unit");
        shards.Select(s => s.PredictedSeconds).Should().Equal(sizes.Select(n => (double)n), "with nothing recorded each scenario counts one");
    }

    [Test]
    public void A_scenario_never_run_before_is_predicted_at_the_median_seconds_per_scenario()
    {
        var known = new ShardUnit("F.A", "One", false, "web", 1, "A", "one");
        var outline = new ShardUnit("F.A", "Rows", true, "web", 4, "A", "rows");
        var unknown = new ShardUnit("F.B", "New", true, "mobile", 3, "B", "new");
        var durations = Durations(("A", "one", "web", 2.0), ("A", "rows (first)", "web", 5.0), ("A", "rows (second)", "web", 7.0));

        var predicted = ShardPlan.Predict([known, outline, unknown], durations);

        predicted[known].Should().Be(2.0);
        predicted[outline].Should().Be(24.0, "the mean of its two recorded rows, 6 s, times its four rows");
        predicted[unknown].Should().Be(18.0, "the upper median of the others' seconds per scenario (2 and 6) times its three rows");
    }

    [Test]
    public void An_outline_splits_by_the_platform_of_its_rows_and_each_part_has_its_own_filter()
    {
        const string generated = """
            namespace KycE2E.Specs.Features
            {
                [NUnit.Framework.DescriptionAttribute("Retrying with \"sharp\" photos")]
                public partial class RetryFeature
                {
                    [NUnit.Framework.TestAttribute()]
                    [NUnit.Framework.DescriptionAttribute("A rejected user retries")]
                    [NUnit.Framework.TestCaseAttribute("web", "blurry", new string[] {
                            "web"}, Category="web")]
                    [NUnit.Framework.TestCaseAttribute("web", "glare", new string[] {
                            "web"}, Category="web")]
                    [NUnit.Framework.TestCaseAttribute("mobile", "blurry", new string[] {
                            "mobile"}, Category="mobile,slow")]
                    public void ARejectedUserRetries(string platform, string photo, string[] exampleTags)
                    {
                    }

                    [NUnit.Framework.TestAttribute()]
                    [NUnit.Framework.DescriptionAttribute("A rejected user retries twice")]
                    [NUnit.Framework.TestCaseAttribute("web", new string[] {
                            "web"}, Category="web")]
                    public void ARejectedUserRetriesTwice(string platform, string[] exampleTags)
                    {
                    }

                    [NUnit.Framework.TestAttribute()]
                    [NUnit.Framework.DescriptionAttribute("On the phone")]
                    [NUnit.Framework.CategoryAttribute("mobile")]
                    public async System.Threading.Tasks.Task OnThePhone()
                    {
                    }
                }
            }
            """;

        var units = ShardPlan.UnitsOf(generated).ToList();

        const string feature = "Retrying with \"sharp\" photos";
        const string cls = "KycE2E.Specs.Features.RetryFeature";
        units.Should().Equal(
            new ShardUnit(cls, "ARejectedUserRetries", true, "mobile", 1, feature, "A rejected user retries") { Longer = ["ARejectedUserRetriesTwice"] },
            new ShardUnit(cls, "ARejectedUserRetries", true, "web", 2, feature, "A rejected user retries") { Longer = ["ARejectedUserRetriesTwice"] },
            new ShardUnit(cls, "ARejectedUserRetriesTwice", true, "web", 1, feature, "A rejected user retries twice"),
            new ShardUnit(cls, "OnThePhone", false, "mobile", 1, feature, "On the phone"));
        units[1].Filter.Should().Be($"(FullyQualifiedName~{cls}.ARejectedUserRetries&FullyQualifiedName!~{cls}.ARejectedUserRetriesTwice&Category=web)",
            "the parenthesis after the name is left out of the filter, and the longer name that contains this one is excluded");
        units[2].Filter.Should().Be($"(FullyQualifiedName~{cls}.ARejectedUserRetriesTwice&Category=web)");
        units[3].Filter.Should().Be($"FullyQualifiedName={cls}.OnThePhone");
        ShardPlan.Filter(units, new ScenarioDurations(), 1, 1).Count(c => c == '(').Should().Be(ShardPlan.Filter(units, new ScenarioDurations(), 1, 1).Count(c => c == ')'), "the NUnit adapter counts parentheses");
        units[1].Holds(feature, "A rejected user retries (glare)", "web").Should().BeTrue();
        units[1].Holds(feature, "A rejected user retries (glare)", "mobile").Should().BeFalse();
        units[1].Holds(feature, "A rejected user retries twice (web)", "web").Should().BeFalse("another scenario whose title begins the same is not this one");
    }

    [Test]
    public void Recorded_durations_keep_the_latest_of_each_scenario_and_survive_a_round_trip()
    {
        var file = Path.Combine(Path.GetTempPath(), $"kyce2e-durations-{Guid.NewGuid():N}.json");
        try
        {
            var durations = ScenarioDurations.Load(file);
            durations.Count.Should().Be(0, "no file yet");
            durations.Record([Record("a", "web", 3, "2026-12-01T10:00:00Z"), Record("a", "web", 5, "2026-12-01T11:00:00Z"), Record("b", "mobile", 4, "2026-12-01T10:00:00Z", Outcome.Skipped)]);
            durations.Save(file);

            var read = ScenarioDurations.Load(file);
            read.Entries.Should().ContainSingle().Which.Should().Be(new ScenarioDurations.Entry("F", "a", "web", 5), "the later run of a wins, and a skipped scenario says nothing of its time");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void A_durations_file_that_cannot_be_read_is_named_with_what_to_do()
    {
        var file = Path.Combine(Path.GetTempPath(), $"kyce2e-durations-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, "{ not json");
        try
        {
            var load = () => ScenarioDurations.Load(file);
            load.Should().Throw<InvalidDataException>().WithMessage($"{file} is not a durations file*delete it and the next run writes it again.");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static ScenarioDurations Durations(params (string Feature, string Scenario, string Platform, double Seconds)[] entries)
    {
        var durations = new ScenarioDurations();
        durations.Record(entries.Select(e => new ScenarioRecord(Guid.NewGuid().ToString("N"), e.Feature, e.Scenario, e.Platform, [], Outcome.Passed, DateTimeOffset.UnixEpoch, e.Seconds, [], null, null, [], 1)));
        return durations;
    }

    private static ScenarioRecord Record(string scenario, string platform, double seconds, string startedAt, Outcome outcome = Outcome.Passed) =>
        new(Guid.NewGuid().ToString("N"), "F", scenario, platform, [], outcome, DateTimeOffset.Parse(startedAt, System.Globalization.CultureInfo.InvariantCulture), seconds, [], null, null, [], 1);
}

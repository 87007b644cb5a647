using KycE2E.Automation.Identity;

namespace KycE2E.UnitTests.Automation;

/// <summary>A run's seed makes the same people again, scenario by scenario, and different people for different scenarios.</summary>
public sealed class ScenarioSeedTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    [Test]
    public void The_same_run_seed_and_scenario_give_the_same_person_and_photos()
    {
        var first = TestIdentity.Adult(Today, seed: ScenarioSeed.For(424242, "Requirements not met", "turns 18 tomorrow", "Web").Value);
        var again = TestIdentity.Adult(Today, seed: ScenarioSeed.For(424242, "Requirements not met", "turns 18 tomorrow", "Web").Value);

        again.Details.Should().Be(first.Details);
        again.Front().Bytes.ToArray().Should().Equal(first.Front().Bytes.ToArray());
    }

    [Test]
    public void Another_scenario_platform_or_run_seed_gives_another_seed()
    {
        var seed = ScenarioSeed.For(1, "feature", "scenario", "Web").Value;

        new[]
        {
            ScenarioSeed.For(2, "feature", "scenario", "Web").Value,
            ScenarioSeed.For(1, "feature", "scenario (other row)", "Web").Value,
            ScenarioSeed.For(1, "feature", "scenario", "Mobile").Value,
        }.Should().NotContain(seed);
    }

    [Test]
    public void A_configured_run_seed_is_kept_and_none_draws_one_in_range()
    {
        ScenarioSeed.RunSeed(77).Should().Be(77);
        Enumerable.Range(0, 50).Select(_ => ScenarioSeed.RunSeed(0)).Should().OnlyContain(s => s >= 1 && s < 1_000_000_000);
    }

    [Test]
    public void Boundary_people_are_at_their_boundary()
    {
        TestIdentity.TurningEighteen(Today, inDays: 1, seed: 5).Holder.AgeOn(Today).Should().Be(17);
        TestIdentity.TurningEighteen(Today, inDays: 0, seed: 5).Holder.AgeOn(Today).Should().Be(18);
        TestIdentity.WithDocumentExpiring(Today, inDays: 0, seed: 5).Document.ExpiryDate.Should().Be(Today);
        TestIdentity.WithDocumentExpiring(Today, inDays: -1, seed: 5).Document.ExpiryDate.Should().Be(Today.AddDays(-1));
    }

    [Test]
    public void A_name_wrong_in_the_middle_keeps_its_first_and_last_characters()
    {
        var identity = TestIdentity.Adult(Today, seed: 11);
        var name = identity.Details.FullName;

        var wrong = identity.DetailsWithNameChangedInTheMiddle().FullName;

        wrong.Should().NotBe(name);
        wrong[0].Should().Be(name[0]);
        wrong[^1].Should().Be(name[^1]);
    }
}

using KycE2E.Reporting;

namespace KycE2E.UnitTests.Reporting;

public sealed class TestFiltersTests
{
    [Test]
    public void Only_failed_tests_are_selected_with_the_filters_special_characters_escaped()
    {
        var trx = Path.GetTempFileName();
        File.WriteAllText(trx, """
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Results>
                <UnitTestResult testId="1" outcome="Failed" />
                <UnitTestResult testId="2" outcome="Passed" />
              </Results>
              <TestDefinitions>
                <UnitTest id="1" name="Retry(&quot;blurry&quot;,[&quot;web&quot;])"><TestMethod className="Specs.RetryFeature" name="Retry(&quot;blurry&quot;,[&quot;web&quot;])" /></UnitTest>
                <UnitTest id="2" name="Retry(&quot;sharp&quot;,[&quot;web&quot;])"><TestMethod className="Specs.RetryFeature" name="Retry(&quot;sharp&quot;,[&quot;web&quot;])" /></UnitTest>
              </TestDefinitions>
            </TestRun>
            """);

        var filter = TestFilters.Failed([trx]);
        File.Delete(trx);

        filter.Should().Be("FullyQualifiedName=Specs.RetryFeature.Retry\\(%22blurry%22%2C[%22web%22]\\)");
    }

    [Test]
    public void Shards_split_the_scenarios_and_together_cover_each_once()
    {
        var units = ShardPlan.Units(Path.Combine(KycE2E.Automation.Processes.RepositoryLayout.Root, "features"));

        var shards = Enumerable.Range(1, 3).Select(i => ShardPlan.Filter(units, new ScenarioDurations(), i, 3).Split('|')).ToList();
        var all = ShardPlan.Filter(units, new ScenarioDurations(), 1, 1).Split('|');

        shards.SelectMany(s => s).Should().BeEquivalentTo(all).And.OnlyHaveUniqueItems();
        ShardPlan.Filter(units, new ScenarioDurations(), 2, 3).Should().Be(string.Join('|', shards[1]), "the split is the same every time");
    }
}

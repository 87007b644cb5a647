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
    public void Shards_split_whole_features_and_together_cover_each_once()
    {
        var features = Path.Combine(KycE2E.Automation.Processes.RepositoryLayout.Root, "features");

        var shards = Enumerable.Range(1, 3).Select(i => TestFilters.Shard(i, 3, features).Split('|')).ToList();
        var all = TestFilters.Shard(1, 1, features).Split('|');

        shards.SelectMany(s => s).Should().BeEquivalentTo(all).And.OnlyHaveUniqueItems();
        TestFilters.Shard(2, 3, features).Should().Be(string.Join('|', shards[1]), "the split is the same every time");
    }
}

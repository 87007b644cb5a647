using KycE2E.Runner;

namespace KycE2E.UnitTests.Runner;

public sealed class TagFilterTests
{
    [TestCase("@smoke", "Category=smoke")]
    [TestCase("@smoke and @web", "Category=smoke&Category=web")]
    [TestCase("@smoke and not @mobile", "Category=smoke&Category!=mobile")]
    [TestCase("@retry-entry or @unclear-photo", "Category=retry-entry|Category=unclear-photo")]
    [TestCase("not @slow", "Category!=slow")]
    [TestCase("@a.b:c_d", "Category=a.b:c_d")]
    public void A_tag_expression_becomes_a_dotnet_test_filter(string tags, string filter) =>
        TagFilter.From(tags).Should().Be(filter);

    [Test]
    public void A_negated_group_is_refused_rather_than_mistranslated() =>
        FluentActions.Invoking(() => TagFilter.From("@smoke and not (@web or @mobile)")).Should().Throw<UsageException>()
            .WithMessage("--tags: 'not (...)' is not supported*");

    [TestCase("", "", "")]
    [TestCase("Category=smoke", "", "Category=smoke")]
    [TestCase("", "Category=web", "Category=web")]
    [TestCase("Category=a|Category=b", "Category=web", "(Category=a|Category=b)&Category=web")]
    public void Filters_are_combined_with_the_left_one_in_brackets(string left, string right, string both) =>
        TagFilter.And(left, right).Should().Be(both);
}

using KycE2E.Documents;

namespace KycE2E.UnitTests.Documents;

public sealed class ChineseIdNumberTests
{
    [TestCase("11010519491231002X", 1949, 12, 31, Sex.Female)]
    [TestCase("440524188001010014", 1880, 1, 1, Sex.Male)]
    public void A_known_good_number_passes_and_gives_its_birth_date_and_sex(string number, int year, int month, int day, Sex sex)
    {
        var check = ChineseIdNumber.Validate(number);

        check.IsValid.Should().BeTrue();
        check.FailedRule.Should().BeNull();
        check.BirthDate.Should().Be(new DateOnly(year, month, day));
        check.Sex.Should().Be(sex);
    }

    [TestCase("110105194912310021", ChineseIdNumberRule.CheckCharacter, TestName = "The known bad number fails its check character")]
    [TestCase("11010519491231002", ChineseIdNumberRule.Length, TestName = "17 characters fail the length rule")]
    [TestCase("11010519491231002X1", ChineseIdNumberRule.Length, TestName = "19 characters fail the length rule")]
    [TestCase("", ChineseIdNumberRule.Length, TestName = "An empty number fails the length rule")]
    [TestCase("1101051949123100AX", ChineseIdNumberRule.Characters, TestName = "A letter among the first 17 fails the character rule")]
    [TestCase("11010519491231002Y", ChineseIdNumberRule.Characters, TestName = "A check character other than a digit or X fails the character rule")]
    [TestCase("91010519491231002X", ChineseIdNumberRule.RegionPrefix, TestName = "A region starting with 9 fails the region rule")]
    [TestCase("01010519491231002X", ChineseIdNumberRule.RegionPrefix, TestName = "A region starting with 0 fails the region rule")]
    [TestCase("110105194902301234", ChineseIdNumberRule.BirthDate, TestName = "30 February fails the birth date rule")]
    [TestCase("110105194913011234", ChineseIdNumberRule.BirthDate, TestName = "Month 13 fails the birth date rule")]
    [TestCase("110105170001011234", ChineseIdNumberRule.BirthDate, TestName = "A birth year before 1800 fails the birth date rule")]
    public void A_broken_number_reports_the_rule_it_broke(string number, ChineseIdNumberRule rule)
    {
        var check = ChineseIdNumber.Validate(number);

        check.IsValid.Should().BeFalse();
        check.FailedRule.Should().Be(rule);
    }

    [Test]
    public void A_missing_number_fails_the_length_rule() =>
        ChineseIdNumber.Validate(null).FailedRule.Should().Be(ChineseIdNumberRule.Length);

    [Test]
    public void A_lower_case_x_is_read_as_the_check_character_X() =>
        ChineseIdNumber.Validate("11010519491231002x").IsValid.Should().BeTrue();

    [Test]
    public void The_check_character_follows_the_MOD_11_2_weights()
    {
        ChineseIdNumber.CheckCharacter("11010519491231002").Should().Be('X');
        ChineseIdNumber.CheckCharacter("44052418800101001").Should().Be('4');
    }

    [Test]
    public void A_created_number_is_valid_and_carries_region_birth_date_and_sequence()
    {
        var born = new DateOnly(1990, 2, 28);

        var number = ChineseIdNumber.Create("310104", born, 123);

        number.Should().HaveLength(18).And.StartWith("31010419900228123");
        var check = ChineseIdNumber.Validate(number);
        check.IsValid.Should().BeTrue();
        check.BirthDate.Should().Be(born);
        check.Sex.Should().Be(Sex.Male, "an odd sequence is a man's");
    }

    [Test]
    public void Every_sequence_of_a_day_gets_a_valid_number()
    {
        var born = new DateOnly(2000, 1, 1);

        Enumerable.Range(0, 1000)
            .Select(sequence => ChineseIdNumber.Validate(ChineseIdNumber.Create("110105", born, sequence)).IsValid)
            .Should().AllBeEquivalentTo(true);
    }

    [TestCase("11010")]
    [TestCase("910105")]
    [TestCase("11010A")]
    public void A_malformed_region_cannot_make_a_number(string region) =>
        FluentActions.Invoking(() => ChineseIdNumber.Create(region, new DateOnly(2000, 1, 1), 1)).Should().Throw<ArgumentException>();
}

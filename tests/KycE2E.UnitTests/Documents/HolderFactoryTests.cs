using KycE2E.Documents;

namespace KycE2E.UnitTests.Documents;

public sealed class HolderFactoryTests
{
    private static readonly DateOnly On = new(2026, 3, 1);

    [Test]
    public void A_Chinese_resident_gets_a_valid_number_for_the_birth_date_and_region()
    {
        var born = new DateOnly(1992, 2, 29);

        var holder = new HolderFactory(5).ChineseResident(born, "440305", Sex.Female);

        holder.DocumentNumber.Should().StartWith("44030519920229");
        var check = ChineseIdNumber.Validate(holder.DocumentNumber);
        check.IsValid.Should().BeTrue();
        check.BirthDate.Should().Be(born);
        check.Sex.Should().Be(Sex.Female);
        holder.ChineseName.Should().NotBeNullOrEmpty();
        holder.Address.Should().StartWith("广东省深圳市南山区");
        holder.Nationality.Should().Be("CN");
    }

    [Test]
    public void Many_residents_all_get_valid_numbers()
    {
        var factory = new HolderFactory(11);

        Enumerable.Range(0, 200)
            .Select(i => factory.Adult(On, DocumentType.ChineseIdCardFront))
            .Should().OnlyContain(h => ChineseIdNumber.Validate(h.DocumentNumber).IsValid && ChineseIdNumber.Validate(h.DocumentNumber).BirthDate == h.DateOfBirth);
    }

    [Test]
    public void Adults_are_of_age_and_minors_are_not_on_the_given_date()
    {
        var factory = new HolderFactory(3);

        foreach (var type in Enum.GetValues<DocumentType>())
        {
            Enumerable.Range(0, 100).Select(_ => factory.Adult(On, type).AgeOn(On)).Should().OnlyContain(age => age >= 20 && age <= 60);
            Enumerable.Range(0, 100).Select(_ => factory.Underage(On, type)).Should().OnlyContain(h =>
                h.AgeOn(On) < HolderFactory.AgeOfMajority && h.AgeOn(On) >= 16 && h.AgeOn(On.AddDays(30)) < HolderFactory.AgeOfMajority);
        }
    }

    [Test]
    public void A_passport_holder_has_a_Latin_name_and_an_E_number_that_fits_the_MRZ()
    {
        var holder = new HolderFactory(8).Adult(On, DocumentType.PassportDataPage);

        holder.LatinName.Should().NotBeNull();
        holder.DocumentNumber.Should().MatchRegex("^E[0-9]{8}$");
        var passport = new HolderFactory(8).ValidDocument(holder, DocumentType.PassportDataPage, On);
        var mrz = Mrz.Build(passport);
        Mrz.Validate(mrz.Line1, mrz.Line2).IsValid.Should().BeTrue();
    }

    [Test]
    public void A_valid_document_is_valid_on_the_date_and_an_expired_one_is_not()
    {
        var factory = new HolderFactory(9);
        var holder = factory.Adult(On, DocumentType.ChineseIdCardFront);

        var valid = factory.ValidDocument(holder, DocumentType.ChineseIdCardFront, On);
        var expired = factory.ExpiredDocument(holder, DocumentType.ChineseIdCardFront, On);

        valid.IsExpiredOn(On).Should().BeFalse();
        valid.IssueDate.Should().BeBefore(On);
        expired.IsExpiredOn(On).Should().BeTrue();
        expired.ExpiryDate.Should().BeBefore(On.AddDays(-29));
        expired.IssuingAuthority.Should().EndWith("分局");
    }

    [TestCase(HolderField.Name)]
    [TestCase(HolderField.DocumentNumber)]
    [TestCase(HolderField.DateOfBirth)]
    public void A_near_twin_differs_in_exactly_the_one_field(HolderField field)
    {
        var factory = new HolderFactory(21);
        foreach (var original in new[] { factory.Adult(On, DocumentType.ChineseIdCardFront), factory.Adult(On, DocumentType.PassportDataPage) })
        {
            var twin = factory.DifferingIn(original, field);

            twin.Should().NotBe(original);
            (twin with { ChineseName = original.ChineseName, LatinName = original.LatinName, DocumentNumber = original.DocumentNumber, DateOfBirth = original.DateOfBirth })
                .Should().Be(original, "no other field changes");
            (twin.ChineseName != original.ChineseName).Should().Be(field == HolderField.Name);
            (twin.DocumentNumber != original.DocumentNumber).Should().Be(field == HolderField.DocumentNumber);
            (twin.DateOfBirth != original.DateOfBirth).Should().Be(field == HolderField.DateOfBirth);
        }
    }

    [Test]
    public void A_changed_ID_number_stays_valid_with_the_same_birth_date_and_sex()
    {
        var factory = new HolderFactory(4);
        var original = factory.Adult(On, DocumentType.ChineseIdCardFront);

        var twin = factory.DifferingIn(original, HolderField.DocumentNumber);

        var check = ChineseIdNumber.Validate(twin.DocumentNumber);
        check.IsValid.Should().BeTrue();
        check.BirthDate.Should().Be(original.DateOfBirth);
        check.Sex.Should().Be(original.Sex);
    }

    [Test]
    public void A_changed_name_changes_both_scripts_of_a_passport_holder()
    {
        var factory = new HolderFactory(6);
        var original = factory.Adult(On, DocumentType.PassportDataPage);

        var twin = factory.DifferingIn(original, HolderField.Name);

        twin.ChineseName.Should().NotBe(original.ChineseName);
        twin.ChineseName![0].Should().Be(original.ChineseName![0], "the surname stays");
        twin.LatinName!.Surname.Should().Be(original.LatinName!.Surname);
        twin.LatinName.GivenNames.Should().NotBe(original.LatinName.GivenNames);
    }

    [Test]
    public void The_same_seed_makes_the_same_people_and_another_seed_others()
    {
        Holder[] People(int seed)
        {
            var factory = new HolderFactory(seed);
            return [factory.Adult(On, DocumentType.ChineseIdCardFront), factory.Underage(On, DocumentType.PassportDataPage)];
        }

        People(42).Should().Equal(People(42));
        People(42).Should().NotEqual(People(43));
    }

    [Test]
    public void A_holder_prints_a_masked_document_number()
    {
        var holder = new HolderFactory(1).ChineseResident(new DateOnly(1949, 12, 31));

        holder.ToString().Should().Contain(holder.MaskedDocumentNumber).And.NotContain(holder.DocumentNumber);
        Holder.Mask("11010519491231002X").Should().Be("1101**********002X");
    }
}

using KycE2E.Documents;

namespace KycE2E.UnitTests.Documents;

public sealed class MrzTests
{
    private const string SpecimenLine1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    private const string SpecimenLine2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

    [Test]
    public void The_ICAO_specimen_validates()
    {
        SpecimenLine1.Should().HaveLength(Mrz.LineLength);
        SpecimenLine2.Should().HaveLength(Mrz.LineLength);

        Mrz.Validate(SpecimenLine2).IsValid.Should().BeTrue();
        Mrz.Validate(SpecimenLine1, SpecimenLine2).Failed.Should().BeEmpty();
    }

    [TestCase("L898902C3", 6)]
    [TestCase("740812", 2)]
    [TestCase("120415", 9)]
    [TestCase("ZE184226B<<<<<", 1)]
    [TestCase("<<<<", 0)]
    public void Check_digits_use_the_7_3_1_weights(string field, int digit) =>
        Mrz.CheckDigit(field).Should().Be(digit);

    [TestCase(9, '7', MrzField.DocumentNumber)]
    [TestCase(19, '3', MrzField.BirthDate)]
    [TestCase(27, '0', MrzField.ExpiryDate)]
    [TestCase(42, '2', MrzField.PersonalNumber)]
    [TestCase(43, '1', MrzField.Composite)]
    public void A_wrong_check_digit_names_its_field(int position, char wrong, MrzField field)
    {
        var line = SpecimenLine2.Remove(position, 1).Insert(position, wrong.ToString());

        Mrz.Validate(line).Failed.Should().Contain(field);
    }

    [Test]
    public void An_impossible_birth_date_fails_even_with_a_matching_check_digit()
    {
        var line = SpecimenLine2[..13] + "741312" + Mrz.CheckDigit("741312") + SpecimenLine2[20..];

        Mrz.Validate(line).Failed.Should().Contain(MrzField.BirthDate);
    }

    [Test]
    public void Lines_of_the_wrong_length_or_alphabet_fail_the_format() =>
        Mrz.Validate(SpecimenLine1[..40], SpecimenLine2.ToLowerInvariant()).Failed.Should().Equal(MrzField.Format);

    [Test]
    public void Lines_built_for_a_passport_are_44_characters_with_correct_check_digits()
    {
        var holder = new Holder("张伟", new LatinName("ZHANG", "WEI"), Sex.Male, new DateOnly(1985, 7, 9), "E12345678", "CN");
        var passport = new IdentityDocument(DocumentType.PassportDataPage, holder, new DateOnly(2020, 5, 1), new DateOnly(2030, 4, 30), HolderFactory.PassportAuthority);

        var mrz = Mrz.Build(passport);

        mrz.Line1.Should().Be("P<CHNZHANG<<WEI<<<<<<<<<<<<<<<<<<<<<<<<<<<<<");
        mrz.Line2.Should().HaveLength(Mrz.LineLength).And.StartWith("E12345678").And.Contain("CHN850709").And.Contain("M300430");
        mrz.Line2[9].Should().Be((char)('0' + Mrz.CheckDigit("E12345678")));
        mrz.Line2[19].Should().Be((char)('0' + Mrz.CheckDigit("850709")));
        mrz.Line2[27].Should().Be((char)('0' + Mrz.CheckDigit("300430")));
        Mrz.Validate(mrz.Line1, mrz.Line2).IsValid.Should().BeTrue();
    }

    [Test]
    public void The_specimen_holder_rebuilds_the_specimen_lines_except_the_personal_number()
    {
        var holder = new Holder(null, new LatinName("ERIKSSON", "ANNA MARIA"), Sex.Female, new DateOnly(1974, 8, 12), "L898902C3", "UTO");
        var passport = new IdentityDocument(DocumentType.PassportDataPage, holder, new DateOnly(2002, 4, 16), new DateOnly(2012, 4, 15), "UTOPIA");

        var mrz = Mrz.Build(passport);

        mrz.Line1.Should().Be(SpecimenLine1);
        mrz.Line2[..28].Should().Be(SpecimenLine2[..28]);
    }
}

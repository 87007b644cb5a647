using System.Text;
using KycE2E.Documents;

namespace KycE2E.UnitTests.Documents;

public sealed class DocumentCodeTests
{
    private static readonly Holder Resident = new(
        "王晓明", null, Sex.Male, new DateOnly(1949, 12, 31), "11010519491231002X", "CN", "北京市朝阳区建国路88号", "汉");

    [Test]
    public void A_code_survives_its_json_with_Chinese_text_as_raw_UTF8()
    {
        var code = new DocumentCode(DocumentType.ChineseIdCardFront, Resident, new DateOnly(2030, 1, 1));

        var json = code.ToJson();

        json.Should().Contain("王晓明").And.Contain("\"exp\":\"2030-01-01\"");
        Encoding.UTF8.GetByteCount(json).Should().BeLessThan(200, "the code must stay small enough for 7 px modules");
        DocumentCode.Parse(json).Should().Be(code);
    }

    [Test]
    public void A_passport_code_keeps_the_Latin_name()
    {
        var holder = Resident with { LatinName = new LatinName("WANG", "XIAOMING"), DocumentNumber = "E12345678", Address = null, Ethnicity = null };
        var code = new DocumentCode(DocumentType.PassportDataPage, holder, new DateOnly(2031, 6, 30));

        DocumentCode.Parse(code.ToJson()).Should().Be(code);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("https://example.org")]
    [TestCase("{\"t\":\"ID_FRONT\"}")]
    [TestCase("{\"t\":\"VISA\",\"zh\":\"王\",\"sx\":\"M\",\"dob\":\"1990-01-01\",\"no\":\"1\",\"nat\":\"CN\",\"exp\":\"2030-01-01\"}")]
    public void Text_that_is_not_a_document_code_reads_as_nothing(string? text) =>
        DocumentCode.Parse(text).Should().BeNull();
}

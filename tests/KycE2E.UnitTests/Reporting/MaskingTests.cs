using KycE2E.Reporting;

namespace KycE2E.UnitTests.Reporting;

public sealed class MaskingTests
{
    [TestCase("number 11010519491231002X rejected", "number 1101**********002X rejected")]
    [TestCase("passport E12345678.", "passport E1*****78.")]
    [TestCase("login with Sbx-0123456789ab failed", "login with Sbx-*** failed")]
    [TestCase("order 2026112612345 is not an ID", "order 2026112612345 is not an ID")]
    public void Document_numbers_and_passwords_are_masked(string text, string masked) =>
        Masking.Text(text).Should().Be(masked);

    [Test]
    public void Given_secrets_are_replaced() =>
        Masking.Text("key 0123456789abcdef in a message", ["0123456789abcdef"]).Should().Be("key *** in a message");
}

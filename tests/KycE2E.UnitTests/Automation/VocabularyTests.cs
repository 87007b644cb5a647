using System.Text.Json;
using KycE2E.Automation.Journeys;

namespace KycE2E.UnitTests.Automation;

/// <summary>The suite's expected words and the sandbox's texts agree today; a change on either side shows here first.</summary>
public sealed class VocabularyTests
{
    private static Dictionary<string, string> SandboxTexts(string locale)
    {
        var path = Path.Combine(KycE2E.Automation.Environment.RepositoryLayout.Root, "src", "KycE2E.Sandbox", "Texts", $"texts.{locale}.json");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))!;
    }

    [TestCase("zh-CN")]
    [TestCase("en")]
    public void Every_reason_message_holds_its_keyword(string locale)
    {
        var words = GuideVocabulary.For(locale);
        var texts = SandboxTexts(locale);

        foreach (var reason in RejectionReason.All)
        {
            texts.Should().ContainKey($"reason.{reason.Code}");
            texts[$"reason.{reason.Code}"].Should().ContainEquivalentOf(words.ReasonKeywords[reason.Code], $"{reason.Code} in {locale}");
        }
    }

    [Test]
    public void The_Chinese_labels_are_the_guides_own()
    {
        var zh = GuideVocabulary.Chinese;

        new[] { zh.PersonalCenter, zh.IdentityVerification, zh.Status("rejected"), zh.Retry, zh.Submit, zh.Status("pending"), zh.ContactSupport }
            .Should().Equal("个人中心", "身份认证", "认证失败", "重试", "提交", "审核中", "联系客服");
    }

    [TestCase("zh-CN")]
    [TestCase("en")]
    public void The_sandbox_shows_the_labels_the_suite_expects(string locale)
    {
        var words = GuideVocabulary.For(locale);
        var texts = SandboxTexts(locale);

        texts["center.title"].Should().Be(words.PersonalCenter);
        texts["center.verification"].Should().Be(words.IdentityVerification);
        texts["status.retry"].Should().Be(words.Retry);
        texts["status.contactSupport"].Should().Be(words.ContactSupport);
        texts["form.submit"].Should().Be(words.Submit);
        texts["form.uploadFailed"].Should().Contain(words.UploadFailed);
        foreach (var (status, label) in words.Statuses)
        {
            texts[$"status.{status}"].Should().Be(label);
        }
    }

    [Test]
    public void An_unknown_phrase_lists_the_known_ones()
    {
        var parse = () => RejectionReason.FromPhrase("the moon was full");

        parse.Should().Throw<ArgumentException>().WithMessage("*the moon was full*the photo was blurry*");
    }

    [Test]
    public void Phrases_and_codes_both_find_a_reason()
    {
        RejectionReason.FromPhrase("The photo was blurry").Should().Be(RejectionReason.PhotoBlurry);
        RejectionReason.FromPhrase("UNDERAGE").Should().Be(RejectionReason.Underage);
    }
}

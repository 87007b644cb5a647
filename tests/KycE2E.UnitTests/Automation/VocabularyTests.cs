using System.Text.Json;
using KycE2E.Automation.Journeys;

namespace KycE2E.UnitTests.Automation;

/// <summary>The suite's expected words and the sandbox's texts agree today; a change on either side shows here first.</summary>
public sealed class VocabularyTests
{
    private static Dictionary<string, string> SandboxTexts(string locale)
    {
        var path = Path.Combine(KycE2E.Automation.Processes.RepositoryLayout.Root, "src", "KycE2E.Sandbox", "Texts", $"texts.{locale}.json");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))!;
    }

    [TestCase("zh-CN")]
    [TestCase("en")]
    public void Every_reason_message_is_the_sandboxs_word_for_word_and_no_two_are_alike(string locale)
    {
        var words = GuideVocabulary.For(locale);
        var texts = SandboxTexts(locale);

        foreach (var reason in RejectionReason.All)
        {
            texts.Should().ContainKey($"reason.{reason.Code}");
            texts[$"reason.{reason.Code}"].Should().Be(words.Reason(reason), $"{reason.Code} in {locale}");
        }

        words.ReasonMessages.Values.Should().OnlyHaveUniqueItems("a message swapped between two reasons must be told apart");
    }

    [TestCase("zh-CN")]
    [TestCase("en")]
    public void The_sentences_with_values_are_the_sandboxs(string locale)
    {
        var words = GuideVocabulary.For(locale);
        var texts = SandboxTexts(locale);

        texts["status.attemptsLeft"].Should().Be(words.Messages.AttemptsLeft);
        texts["status.expectedBy"].Should().Be(words.Messages.ExpectedBy);
        texts["status.lockedUntil"].Should().Be(words.Messages.LockedUntil);
        texts["form.locked"].Should().Be(words.Messages.RefusedUntil);
        texts["status.pendingNote"].Should().Be(words.Messages.PendingNote);
        texts["status.pendingTooLong"].Should().Be(words.Messages.PendingTooLong);
        texts["status.finalNote"].Should().Be(words.Messages.FinalNote);
        texts["notify.approved"].Should().Be(words.Messages.NotificationApproved);
        texts["notify.rejected"].Should().Be(words.Messages.NotificationRejected);
        foreach (var (code, message) in words.Messages.FormErrors)
        {
            texts[$"error.{code}"].Should().Be(message);
        }
    }

    [Test]
    public void A_time_reads_in_China_Standard_Time_to_the_minute_with_the_zone_named()
    {
        var at = new DateTimeOffset(2026, 11, 30, 17, 59, 59, TimeSpan.Zero);

        DisplayTime.Format(at).Should().Be("2026-12-01 01:59 UTC+8");
        GuideVocabulary.English.LockedUntil(at).Should().Be("Too many attempts. You can retry after 2026-12-01 01:59 UTC+8.");
        GuideVocabulary.Chinese.AttemptsLeft(3).Should().Be("剩余尝试次数：3");
        GuideVocabulary.English.Notification("rejected", [RejectionReason.PhotoGlare, RejectionReason.NameMismatch])
            .Should().Be("Your identity verification failed: The photo has glare. Retake it away from strong light. The name does not match the document.");
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
        texts["form.uploadFailed"].Should().Be(words.UploadFailed);
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
